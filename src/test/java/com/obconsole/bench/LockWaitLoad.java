package com.obconsole.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.obconsole.localengine.LocalServer;

/**
 * Real row-lock waits for the lock-tree benchmark: a few holders, each updating a row of
 * {@code bench.lock_rows} in an open transaction, and many waiters, each blocked updating one of
 * those rows. Closing it rolls the holders back (the waiters then finish) and closes everything.
 */
final class LockWaitLoad implements AutoCloseable {

	private final List<Connection> holders = new ArrayList<>();

	private final List<Connection> waiters = new ArrayList<>();

	private final ExecutorService statements = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "bench-lock-waiter");
		thread.setDaemon(true);
		return thread;
	});

	private LockWaitLoad() {
	}

	/**
	 * @param init a statement each connection runs first (the engine's long-statement settings), or ""
	 */
	static LockWaitLoad start(LocalServer server, String init, int holders, int waiters) throws SQLException {
		LockWaitLoad load = new LockWaitLoad();
		try (Connection admin = server.connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE TABLE IF NOT EXISTS bench.lock_rows (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM bench.lock_rows");
			for (int row = 1; row <= holders; row++) {
				sql.execute("INSERT INTO bench.lock_rows VALUES (" + row + ", 0)");
			}
		}
		try {
			for (int row = 1; row <= holders; row++) {
				Connection holder = load.connect(server, init);
				load.holders.add(holder);
				holder.setAutoCommit(false);
				try (Statement sql = holder.createStatement()) {
					sql.execute("UPDATE bench.lock_rows SET v = v + 1 WHERE id = " + row);
				}
			}
			for (int i = 0; i < waiters; i++) {
				Connection waiter = load.connect(server, init);
				load.waiters.add(waiter);
				int row = 1 + i % holders;
				load.statements.execute(() -> {
					try (Statement sql = waiter.createStatement()) {
						sql.execute("UPDATE bench.lock_rows SET v = v + 1 WHERE id = " + row);
					}
					catch (SQLException ex) {
						// Ended by the benchmark's close (or a timeout): nothing to report.
					}
				});
			}
		}
		catch (SQLException | RuntimeException ex) {
			load.close();
			throw ex;
		}
		return load;
	}

	private Connection connect(LocalServer server, String init) throws SQLException {
		Connection connection = server.connect();
		server.allowLongStatements(connection);
		if (!init.isEmpty()) {
			try (Statement sql = connection.createStatement()) {
				sql.execute(init);
			}
		}
		return connection;
	}

	int waiters() {
		return this.waiters.size();
	}

	@Override
	public void close() {
		for (Connection holder : this.holders) {
			quietly(holder::rollback);
			quietly(holder::close);
		}
		for (Connection waiter : this.waiters) {
			quietly(waiter::close);
		}
		this.statements.shutdownNow();
	}

	private static void quietly(SqlAction action) {
		try {
			action.run();
		}
		catch (SQLException ex) {
			// Closing: the engine may have ended it already.
		}
	}

	private interface SqlAction {

		void run() throws SQLException;

	}

}
