package com.obconsole.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a target that the test turns bad: it forwards to a real server, or
 * stalls (accepts connections and passes no byte either way, as a hung server or half-dead proxy
 * does: a MySQL client waits for a greeting or an answer), or refuses (nothing listens any more).
 */
final class TargetProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final Integer upstreamPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger accepted = new AtomicInteger();

	private volatile boolean stalled;

	/** A proxy to a server on the loopback interface. */
	static TargetProxy forwardingTo(int upstreamPort) {
		return new TargetProxy(upstreamPort);
	}

	/** A server that accepts connections and never says a word. */
	static TargetProxy stalledFromStart() {
		TargetProxy proxy = new TargetProxy(null);
		proxy.stall();
		return proxy;
	}

	private TargetProxy(Integer upstreamPort) {
		this.upstreamPort = upstreamPort;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("proxy-accept", this::acceptForever);
	}

	int port() {
		return this.listener.getLocalPort();
	}

	/** Connections accepted so far: each is one attempt of the console to connect. */
	int accepted() {
		return this.accepted.get();
	}

	/** From now on no byte passes, on open connections and new ones alike. */
	void stall() {
		this.stalled = true;
	}

	/** The port refuses from now on and open connections are cut, as when the server process dies. */
	void refuse() {
		close();
	}

	private void acceptForever() {
		while (!this.listener.isClosed()) {
			Socket client;
			try {
				client = this.listener.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.accepted.incrementAndGet();
			this.sockets.add(client);
			if (this.upstreamPort != null && !this.stalled) {
				connect(client);
			}
		}
	}

	private void connect(Socket client) {
		try {
			Socket server = new Socket();
			this.sockets.add(server);
			server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.upstreamPort));
			daemon("proxy-up", () -> pump(client, server));
			daemon("proxy-down", () -> pump(server, client));
		}
		catch (IOException ex) {
			closeQuietly(client);
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				// Stalled: swallow the bytes, so that each side waits for an answer that never comes.
				if (!this.stalled) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// One side closed: close the other.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	@Override
	public void close() {
		closeQuietly(this.listener);
		this.sockets.forEach(TargetProxy::closeQuietly);
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing anyway.
		}
	}

}
