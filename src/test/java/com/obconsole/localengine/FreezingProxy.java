package com.obconsole.localengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a server that a test can freeze: connections stay open, but no byte
 * passes in either direction until it thaws. To the console, the server then hangs mid-statement,
 * as a server stuck on a lock, a full disk or a dead network path would.
 */
public final class FreezingProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int serverPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object gate = new Object();

	private volatile boolean frozen;

	private FreezingProxy(ServerSocket listener, int serverPort) {
		this.listener = listener;
		this.serverPort = serverPort;
	}

	public static FreezingProxy to(int serverPort) throws IOException {
		FreezingProxy proxy = new FreezingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), serverPort);
		daemon("proxy-accept", proxy::accept);
		return proxy;
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	/** From now on nothing passes; bytes already passed are the server's or the client's. */
	public void freeze() {
		this.frozen = true;
	}

	public void thaw() {
		synchronized (this.gate) {
			this.frozen = false;
			this.gate.notifyAll();
		}
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.serverPort);
				this.sockets.add(client);
				this.sockets.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// Closed, or the server refused: the client sees its connection end.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		daemon("proxy-pump", () -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					awaitThaw();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// Either side went away.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private void awaitThaw() throws InterruptedException {
		synchronized (this.gate) {
			while (this.frozen) {
				this.gate.wait();
			}
		}
	}

	@Override
	public void close() {
		closeQuietly(this.listener);
		this.sockets.forEach(FreezingProxy::closeQuietly);
		thaw();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Already closed.
		}
	}

}
