package com.obconsole.session;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.obconsole.localengine.LocalServer;

/**
 * A real session that a page test opens on a local engine and then looks for (and closes) through
 * the console: idle, running a statement in the background, in a database, or holding an open
 * transaction.
 */
final class LiveSession implements AutoCloseable {

	private final LocalServer server;

	private final Connection connection;

	private final long id;

	private CompletableFuture<SQLException> statement = CompletableFuture.completedFuture(null);

	private LiveSession(LocalServer server, Connection connection) throws SQLException {
		this.server = server;
		this.connection = connection;
		try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery("SELECT CONNECTION_ID()")) {
			rs.next();
			this.id = rs.getLong(1);
		}
	}

	/** An idle session of the server's administrator. */
	static LiveSession idle(LocalServer server) throws SQLException {
		return new LiveSession(server, server.connect());
	}

	/** An idle session of another user. */
	static LiveSession idleAs(LocalServer server, String user, String password) throws SQLException {
		return new LiveSession(server, DriverManager.getConnection(server.jdbcUrl(), user, password));
	}

	/** An idle session whose current database is the given one. */
	static LiveSession inDatabase(LocalServer server, String database) throws SQLException {
		LiveSession session = idle(server);
		session.connection.setCatalog(database);
		return session;
	}

	/** A session that updated a row of its own and did not commit. */
	static LiveSession inTransaction(LocalServer server, String database, String table) throws SQLException {
		LiveSession session = idle(server);
		try (Statement sql = session.connection.createStatement()) {
			sql.execute("CREATE TABLE IF NOT EXISTS " + database + "." + table + " (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM " + database + "." + table + " WHERE id = " + session.id % 1_000_000);
			sql.execute("INSERT INTO " + database + "." + table + " VALUES (" + session.id % 1_000_000 + ", 0)");
			session.connection.setAutoCommit(false);
			sql.execute("UPDATE " + database + "." + table + " SET v = v + 1 WHERE id = " + session.id % 1_000_000);
		}
		return session;
	}

	/** A session running the statement in the background, returned once the engine shows it running. */
	static LiveSession running(LocalServer server, String statement) throws SQLException {
		LiveSession session = idle(server);
		try (Statement sql = session.connection.createStatement()) {
			// OceanBase cancels any statement after ob_query_timeout, 10 s by default.
			sql.execute("SET ob_query_timeout = 900000000");
		}
		catch (SQLException ex) {
			// MySQL and MariaDB have no such limit.
		}
		session.statement = CompletableFuture.supplyAsync(() -> {
			try (Statement sql = session.connection.createStatement()) {
				sql.execute(statement);
				return null;
			}
			catch (SQLException ex) {
				return ex;
			}
		});
		session.awaitRunning(Duration.ofSeconds(30));
		return session;
	}

	private void awaitRunning(Duration timeout) throws SQLException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Connection admin = this.server.connect();
				PreparedStatement query = admin.prepareStatement(
						"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND INFO IS NOT NULL")) {
			query.setLong(1, this.id);
			while (System.nanoTime() < deadline) {
				try (ResultSet rs = query.executeQuery()) {
					rs.next();
					if (rs.getInt(1) > 0) {
						return;
					}
				}
				if (this.statement.isDone()) {
					throw new IllegalStateException("the statement of session " + this.id + " ended early",
							this.statement.join());
				}
				pause(50);
			}
		}
		throw new IllegalStateException("session " + this.id + " did not show its statement within " + timeout);
	}

	long id() {
		return this.id;
	}

	String idText() {
		return Long.toUnsignedString(this.id);
	}

	/** Whether the connection still answers a query. */
	boolean isUsable() {
		try (Statement sql = this.connection.createStatement(); ResultSet rs = sql.executeQuery("SELECT 1")) {
			return rs.next();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Whether the background statement has ended, waiting for it up to the timeout. */
	boolean statementEnds(Duration timeout) {
		try {
			this.statement.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	boolean isStatementRunning() {
		return !this.statement.isDone();
	}

	@Override
	public void close() {
		if (!this.statement.isDone()) {
			// Closing the socket does not stop a server-side SLEEP; end it so the engine stays tidy.
			try (Connection admin = this.server.connect(); Statement sql = admin.createStatement()) {
				sql.execute("KILL " + idText());
			}
			catch (SQLException ex) {
				// Ended meanwhile.
			}
		}
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// Already closed by the console: the point of some tests.
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
