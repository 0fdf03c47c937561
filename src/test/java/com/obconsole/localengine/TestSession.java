package com.obconsole.localengine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real session a test opens on a local engine and then looks for in the console: idle, running
 * a statement, or holding an open transaction.
 */
public final class TestSession implements AutoCloseable {

	/** One thread per running statement: the common pool may have fewer threads than statements block. */
	private static final ExecutorService STATEMENTS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "test-session-statement");
		thread.setDaemon(true);
		return thread;
	});

	private final LocalServer server;

	private final Connection connection;

	private final long id;

	private CompletableFuture<SQLException> running = CompletableFuture.completedFuture(null);

	private TestSession(LocalServer server, Connection connection) throws SQLException {
		this.server = server;
		this.connection = connection;
		try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery("SELECT CONNECTION_ID()")) {
			rs.next();
			this.id = rs.getLong(1);
		}
	}

	/** A session that connects and does nothing. */
	public static TestSession idle(LocalServer server) throws SQLException {
		return new TestSession(server, server.connect());
	}

	/** An idle session whose current database is the given one (created if needed). */
	public static TestSession inDatabase(LocalServer server, String database) throws SQLException {
		TestSession session = idle(server);
		try (Statement sql = session.connection.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS " + database);
		}
		session.connection.setCatalog(database);
		return session;
	}

	/** A session of another user that connects and does nothing. */
	public static TestSession idleAs(LocalServer server, String user, String password) throws SQLException {
		return new TestSession(server, DriverManager.getConnection(server.jdbcUrl(), user, password));
	}

	/** A session that runs the statement in the background, returned once the engine shows it running. */
	public static TestSession running(LocalServer server, String statement) throws SQLException {
		return idle(server).runInBackground(statement);
	}

	/** Makes the given database this session's current one; returns this session. */
	public TestSession use(String database) throws SQLException {
		this.connection.setCatalog(database);
		return this;
	}

	/**
	 * Runs the statement in the background, for as long as it takes, and returns once the engine
	 * shows this session running it.
	 */
	public TestSession runInBackground(String statement) throws SQLException {
		this.server.allowLongStatements(this.connection);
		this.running = CompletableFuture.supplyAsync(() -> {
			try (Statement sql = this.connection.createStatement()) {
				sql.execute(statement);
				return null;
			}
			catch (SQLException ex) {
				return ex;
			}
		}, STATEMENTS);
		awaitRunning(Duration.ofSeconds(20));
		return this;
	}

	/**
	 * A session that ran the given update in a transaction it keeps open, so that it holds the rows'
	 * locks, and may run long statements after it.
	 */
	public static TestSession holding(LocalServer server, String update) throws SQLException {
		TestSession session = idle(server);
		server.allowLongStatements(session.connection);
		session.connection.setAutoCommit(false);
		try (Statement sql = session.connection.createStatement()) {
			sql.execute(update);
		}
		return session;
	}

	/** A session that updated a row of its own and did not commit: it holds a row lock. */
	public static TestSession inTransaction(LocalServer server, String table) throws SQLException {
		try (Connection admin = server.connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS console_test");
		}
		return inTransaction(server, "console_test", table);
	}

	/**
	 * A session that updated a row of its own (keyed by its id, so that several such sessions do not
	 * wait for each other) in {@code database.table}, and did not commit.
	 */
	public static TestSession inTransaction(LocalServer server, String database, String table) throws SQLException {
		TestSession session = idle(server);
		String qualified = database + "." + table;
		long row = session.id % 1_000_000;
		try (Statement sql = session.connection.createStatement()) {
			sql.execute("CREATE TABLE IF NOT EXISTS " + qualified + " (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM " + qualified + " WHERE id = " + row);
			sql.execute("INSERT INTO " + qualified + " VALUES (" + row + ", 0)");
			session.connection.setAutoCommit(false);
			sql.execute("UPDATE " + qualified + " SET v = v + 1 WHERE id = " + row);
		}
		// InnoDB refreshes INFORMATION_SCHEMA.INNODB_TRX from a cache at most every 0.1 s.
		sleep(200);
		return session;
	}

	private void awaitRunning(Duration timeout) throws SQLException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Connection admin = this.server.connect();
				PreparedStatement query = admin
					.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND INFO IS NOT NULL")) {
			query.setLong(1, this.id);
			while (System.nanoTime() < deadline) {
				try (ResultSet rs = query.executeQuery()) {
					rs.next();
					if (rs.getInt(1) > 0) {
						return;
					}
				}
				if (this.running.isDone()) {
					throw new IllegalStateException("the statement of session " + this.id + " ended early",
							this.running.join());
				}
				sleep(50);
			}
		}
		throw new IllegalStateException("session " + this.id + " did not show its statement within " + timeout);
	}

	public long id() {
		return this.id;
	}

	/** The id as the console writes it, in URLs and pages. */
	public String idText() {
		return Long.toUnsignedString(this.id);
	}

	public Connection connection() {
		return this.connection;
	}

	/** Whether the connection still answers a query. */
	public boolean isUsable() {
		try (Statement sql = this.connection.createStatement(); ResultSet rs = sql.executeQuery("SELECT 1")) {
			return rs.next();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** The error that ended the background statement, waiting up to the timeout; null if it succeeded. */
	public SQLException statementError(Duration timeout) throws Exception {
		return this.running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Whether the background statement has ended, waiting for it up to the timeout. */
	public boolean statementEnds(Duration timeout) {
		try {
			this.running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	public boolean isStatementRunning() {
		return !this.running.isDone();
	}

	/** Closes every session given; those a test never opened ({@code null}) are passed over. */
	public static void closeAll(TestSession... sessions) {
		for (TestSession session : sessions) {
			if (session != null) {
				session.close();
			}
		}
	}

	@Override
	public void close() {
		if (!this.running.isDone()) {
			// Closing the socket does not stop a server-side SLEEP; end it so the engine stays tidy.
			try (Connection admin = this.server.connect(); Statement sql = admin.createStatement()) {
				sql.execute("KILL " + this.id);
			}
			catch (SQLException ex) {
				// Ended meanwhile.
			}
		}
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// Already closed by the console: the point of most tests.
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
