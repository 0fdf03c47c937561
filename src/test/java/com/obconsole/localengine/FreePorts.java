package com.obconsole.localengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** TCP ports on the loopback interface that nothing listens on right now. */
public final class FreePorts {

	private FreePorts() {
	}

	/** A port free now; use it to start a server, or as a target that refuses connections. */
	public static int unused() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free TCP port on 127.0.0.1", ex);
		}
	}

}
