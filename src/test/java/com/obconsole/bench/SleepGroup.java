package com.obconsole.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mysql.cj.jdbc.JdbcConnection;

/**
 * A group of sessions of user {@code bench}, each running the same statement on its own thread;
 * when its query is killed (error 1317 on MariaDB, the engine's own on seekdb) it starts the same
 * statement again, so that every trial of a batch close finds the whole group running. Closing it
 * kills the sessions and waits for their threads.
 */
final class SleepGroup implements AutoCloseable {

	static final String STATEMENT = "SELECT SLEEP(3600) /* bench group */";

	private final List<Connection> connections = new ArrayList<>();

	private final List<Long> ids = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private final BenchEngine engine;

	private final AtomicInteger restarts = new AtomicInteger();

	/** Error codes the statements ended with (1317 expected after KILL QUERY). */
	private final Set<Integer> errorCodes = ConcurrentHashMap.newKeySet();

	private final AtomicInteger ended = new AtomicInteger();

	private volatile boolean closing;

	/** Opened before the group runs, for its KILLs at the end (a login may wait for a worker on seekdb). */
	private Connection admin;

	private SleepGroup(BenchEngine engine) {
		this.engine = engine;
	}

	/**
	 * Opens {@code size} sessions, then starts their statement; {@link #awaitRunning} tells when
	 * they run. All log in first: on seekdb a running SLEEP holds a tenant worker, which a login
	 * needs too, and new workers come about one a second.
	 */
	static SleepGroup start(BenchEngine engine, int size) throws SQLException {
		SleepGroup group = new SleepGroup(engine);
		try {
			group.admin = engine.server.connect();
			group.admin.setNetworkTimeout(Runnable::run, 60_000);
			for (int i = 0; i < size; i++) {
				Connection connection = DriverManager.getConnection(engine.loadUrl(), BenchEngine.LOAD_USER,
						BenchEngine.LOAD_PASSWORD);
				// The load URL's socketTimeout (30 s) would end a SLEEP(3600) on the client side.
				connection.setNetworkTimeout(Runnable::run, 0);
				if (!engine.sessionInit().isEmpty()) {
					try (Statement sql = connection.createStatement()) {
						sql.execute(engine.sessionInit());
					}
				}
				group.connections.add(connection);
				group.ids.add(connection.unwrap(JdbcConnection.class).getId());
			}
			boolean paced = engine instanceof BenchEngine.Seekdb;
			for (int i = 0; i < size; i++) {
				Connection connection = group.connections.get(i);
				Thread thread = new Thread(null, () -> group.loop(connection), "bench-group-" + i, 256 * 1024);
				thread.setDaemon(true);
				group.threads.add(thread);
				thread.start();
				if (paced) {
					// seekdb 1.3 at 5,000 sessions answered nothing more, for minutes, when 20 to 100
					// SLEEPs were started at once: one at a time, each seen running before the next.
					group.awaitRunning(group.admin, i + 1, 60);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			group.close();
			throw new SQLException("interrupted while the group started", ex);
		}
		catch (SQLException | RuntimeException ex) {
			group.close();
			throw ex;
		}
		return group;
	}

	private void loop(Connection connection) {
		while (!this.closing) {
			try (Statement sql = connection.createStatement()) {
				sql.execute(STATEMENT);
				// Some engines end a killed SLEEP with its result, not an error: start it again all the same.
				this.restarts.incrementAndGet();
			}
			catch (SQLException ex) {
				if (this.closing) {
					return;
				}
				this.errorCodes.add(ex.getErrorCode());
				try {
					if (connection.isClosed() || !connection.isValid(5)) {
						this.ended.incrementAndGet();
						return;
					}
				}
				catch (SQLException gone) {
					this.ended.incrementAndGet();
					return;
				}
				this.restarts.incrementAndGet();
			}
		}
	}

	List<Long> ids() {
		return Collections.unmodifiableList(this.ids);
	}

	int size() {
		return this.ids.size();
	}

	int restarts() {
		return this.restarts.get();
	}

	/** Sessions whose connection ended (a KILL, not a KILL QUERY): their thread stopped. */
	int ended() {
		return this.ended.get();
	}

	Set<Integer> errorCodes() {
		return Set.copyOf(this.errorCodes);
	}

	/**
	 * Waits until the processlist shows every session of the group running its statement.
	 * @return how many were seen running at the end
	 */
	int awaitRunning(Connection admin, long timeoutSeconds) throws SQLException, InterruptedException {
		return awaitRunning(admin, this.ids.size(), timeoutSeconds);
	}

	private int awaitRunning(Connection admin, int expected, long timeoutSeconds)
			throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		int running = 0;
		// seekdb adds a worker for a blocked statement about once a second, and a count waits for one
		// too; an engine out of workers answers nothing: fail after the timeout rather than hang.
		int networkTimeout = admin.getNetworkTimeout();
		admin.setNetworkTimeout(Runnable::run, (int) TimeUnit.SECONDS.toMillis(timeoutSeconds));
		try (PreparedStatement count = admin.prepareStatement(
				"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ? AND INFO LIKE ?")) {
			count.setString(1, BenchEngine.LOAD_USER);
			count.setString(2, STATEMENT + "%");
			while (true) {
				try (ResultSet rs = count.executeQuery()) {
					rs.next();
					running = rs.getInt(1);
				}
				if (running >= expected || System.nanoTime() > deadline) {
					return running;
				}
				Thread.sleep(50);
			}
		}
		finally {
			admin.setNetworkTimeout(Runnable::run, networkTimeout);
		}
	}

	@Override
	public void close() {
		this.closing = true;
		if (this.admin == null) {
			return;
		}
		try (Connection admin = this.admin; Statement sql = admin.createStatement()) {
			for (long id : this.ids) {
				try {
					sql.execute("KILL " + Long.toUnsignedString(id));
				}
				catch (SQLException ex) {
					// Ended already.
				}
			}
		}
		catch (SQLException ex) {
			System.out.println("  could not kill the group's sessions: " + SessionLoad.describe(ex));
		}
		for (Thread thread : this.threads) {
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// abort, not close: close waits for a statement still running (should a KILL have failed).
		this.connections.parallelStream().forEach((connection) -> {
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException ex) {
				// Closed already.
			}
		});
	}

}
