package com.obconsole.localengine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The local engines shared by every test in a JVM: each is started on first use and stopped when
 * the JVM exits, so a test run pays for each engine's start once.
 */
public final class LocalEngines {

	private static SeekdbServer seekdb;

	private LocalEngines() {
	}

	public static synchronized SeekdbServer seekdb() {
		if (seekdb == null || !seekdb.isRunning()) {
			try {
				seekdb = SeekdbServer.startTemporary();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not start the local seekdb: " + ex.getMessage(), ex);
			}
			SeekdbServer started = seekdb;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-seekdb"));
		}
		return seekdb;
	}

}
