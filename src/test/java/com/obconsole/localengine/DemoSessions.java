package com.obconsole.localengine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A few live sessions to look at: one idle, one running a long {@code SELECT SLEEP}, one holding an
 * open transaction with a row lock, one waiting for that lock (Row Lock Analysis has a tree to
 * show), and one idle in a named database.
 */
public final class DemoSessions implements AutoCloseable {

	private final List<Connection> connections = new ArrayList<>();

	private final ExecutorService runner = Executors.newCachedThreadPool((r) -> {
		Thread thread = new Thread(r, "demo-session");
		thread.setDaemon(true);
		return thread;
	});

	private DemoSessions() {
	}

	public static DemoSessions open(LocalServer server) throws SQLException {
		DemoSessions demo = new DemoSessions();
		try (Connection setup = server.connect(); Statement sql = setup.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS demo");
			sql.execute("CREATE TABLE IF NOT EXISTS demo.accounts (id INT PRIMARY KEY, balance DECIMAL(12,2))");
			sql.execute("REPLACE INTO demo.accounts VALUES (1, 100.00), (2, 250.00)");
		}
		demo.connections.add(server.connect());
		Connection sleeper = demo.keep(server.connect());
		server.allowLongStatements(sleeper);
		demo.runner.submit(() -> run(sleeper, "SELECT SLEEP(3600) /* demo: long-running report */"));
		Connection inTransaction = demo.keep(server.connect());
		server.allowLongTransactions(inTransaction);
		try (Statement sql = inTransaction.createStatement()) {
			inTransaction.setAutoCommit(false);
			sql.execute("UPDATE demo.accounts SET balance = balance - 10 WHERE id = 1");
		}
		Connection waiter = demo.keep(server.connect());
		server.allowLongTransactions(waiter);
		demo.runner.submit(() -> run(waiter,
				"UPDATE demo.accounts SET balance = balance + 10 WHERE id = 1 /* demo: waits for the open transaction */"));
		Connection inDatabase = demo.keep(server.connect());
		inDatabase.setCatalog("demo");
		return demo;
	}

	private Connection keep(Connection connection) {
		this.connections.add(connection);
		return connection;
	}

	private static void run(Connection connection, String query) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(query);
		}
		catch (SQLException ex) {
			// Closed from the console: that is what the demo is for.
		}
	}

	@Override
	public void close() {
		for (Connection connection : this.connections) {
			try {
				// abort, not close: close waits for the statement another thread runs on it (a SLEEP, a
				// lock wait of a day), so a SIGTERM to the console alone would never finish stopping.
				connection.abort(Runnable::run);
			}
			catch (SQLException ex) {
				// Already closed by a DBA in the console.
			}
		}
		this.runner.shutdownNow();
	}

}
