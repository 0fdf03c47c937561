package com.obconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * What a re-read of sessions costs beside the full processlist read, at N sessions, over plain
 * JDBC: the console's list SQL, the same SELECT cut to K ids ({@code WHERE p.ID IN (...)}, K = 1,
 * 10, 50, 200) or to one id, on seekdb also cut to the session's server ({@code SVR_IP},
 * {@code SQL_PORT}, {@code SVR_PORT}) and the local {@code V$OB_PROCESSLIST}, on MariaDB also
 * {@code performance_schema.threads}; every column of every row read, interleaved in random order.
 * Then the EXPLAIN of the one-session reads, and 200 {@code KILL QUERY} on one connection against
 * a group of running SLEEPs ({@link SleepGroup}).
 */
final class ReReadBench {

	static final List<Integer> IN_SIZES = List.of(1, 10, 50, 200);

	private final BenchEngine engine;

	private final ConsoleInProcess console;

	private final int n;

	private final Results results;

	private final boolean seekdb;

	/** Whether the seekdb view names each session's server (SVR_IP, SQL_PORT): 4.x clusters do, seekdb 1.3 does not. */
	private boolean serverKeys;

	private ReReadBench(BenchEngine engine, ConsoleInProcess console, int n, Results results) {
		this.engine = engine;
		this.console = console;
		this.n = n;
		this.results = results;
		this.seekdb = engine instanceof BenchEngine.Seekdb;
	}

	/** A session of the load, with the keys that name it on its server. */
	record Target(long id, String svrIp, long sqlPort, long svrPort) {
	}

	/** Binds a probe's parameters for the chosen sessions. */
	interface Binder {

		void bind(PreparedStatement statement, List<Target> chosen) throws SQLException;

	}

	/** One way to read: its SQL, how many sessions it asks for (0: the whole list). */
	record Probe(String metric, String sql, int ids, Binder binder) {
	}

	static void measure(BenchEngine engine, ConsoleInProcess console, int n, Results results) throws Exception {
		new ReReadBench(engine, console, n, results).run();
	}

	private void run() throws Exception {
		int iterations = Integer.getInteger("bench.rereadIterations", 30);
		int warmup = Integer.getInteger("bench.rereadWarmup", 5);
		System.out.println("-- " + this.engine.label + ": re-reads, " + iterations + " runs each (+" + warmup + " warm-up)");
		// The console's one-view SELECT without a WHERE: the list's own select list.
		String base = this.console.dialect().sessionsSql(null).get(0);
		try (Connection connection = DriverManager.getConnection(this.engine.server.jdbcUrl(),
				this.engine.server.username(), this.engine.server.password())) {
			this.serverKeys = this.seekdb && columns(connection, OB_GLOBAL).containsAll(List.of("SVR_IP", "SQL_PORT"));
			List<Target> pool = pool(connection);
			List<Probe> probes = probes(connection, base);
			Map<Probe, PreparedStatement> prepared = new LinkedHashMap<>();
			List<PreparedStatement> full = new ArrayList<>();
			for (String text : this.console.processlistSql()) {
				PreparedStatement statement = connection.prepareStatement(text.replace(":tenant", "?"));
				if (text.contains(":tenant")) {
					statement.setString(1, this.console.tenant());
				}
				full.add(statement);
			}
			for (Probe probe : probes) {
				if (probe.ids() > 0) {
					prepared.put(probe, connection.prepareStatement(probe.sql()));
				}
			}
			Map<Probe, List<Double>> times = new LinkedHashMap<>();
			Map<Probe, Integer> rows = new LinkedHashMap<>();
			for (Probe probe : probes) {
				times.put(probe, new ArrayList<>());
			}
			Random random = new Random(this.n);
			List<Probe> order = new ArrayList<>(probes);
			for (int round = 0; round < warmup + iterations; round++) {
				Collections.shuffle(order, random);
				for (Probe probe : order) {
					List<Target> chosen = choose(pool, probe.ids(), random);
					long started = System.nanoTime();
					int read = 0;
					if (probe.ids() == 0) {
						read = readAll(full.get(0));
						for (PreparedStatement statement : full.subList(1, full.size())) {
							readAll(statement);
						}
					}
					else {
						PreparedStatement statement = prepared.get(probe);
						probe.binder().bind(statement, chosen);
						read = readAll(statement);
					}
					double millis = Stats.millisSince(started);
					if (round >= warmup) {
						times.get(probe).add(millis);
					}
					rows.put(probe, read);
				}
			}
			Stats fullStats = Stats.of(times.get(probes.get(0)));
			for (Probe probe : probes) {
				Stats stats = Stats.of(times.get(probe));
				int expected = (probe.ids() == 0) ? this.n : probe.ids();
				String note = (probe.ids() == 0)
						? "the console's list SQL (" + full.size() + " statement" + (full.size() > 1 ? "s" : "")
								+ "), every column of every row read"
						: fromOn(probe.sql());
				note += "; " + rows.get(probe) + " rows" + ((probe.ids() > 0 && rows.get(probe) != expected)
						? " (expected " + expected + ")" : "");
				this.results.add(new Results.Row(this.engine.label, this.n, probe.metric(), stats,
						(probe.ids() == 0) ? Double.NaN : stats.median() / fullStats.median(), rows.get(probe), "", "",
						note));
			}
			explain(connection, pool.get(0), probes);
		}
		killQueries();
	}

	/** The load's sessions (user bench), with their server keys on seekdb. */
	private List<Target> pool(Connection connection) throws SQLException {
		String sql = this.serverKeys
				? "SELECT ID, SVR_IP, SQL_PORT, SVR_PORT FROM " + OB_GLOBAL + " WHERE USER = 'bench'"
				: "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'bench'";
		List<Target> pool = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				pool.add(this.serverKeys ? new Target(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))
						: new Target(rs.getLong(1), null, 0, 0));
			}
		}
		return pool;
	}

	private static List<Target> choose(List<Target> pool, int k, Random random) {
		if (k == 0) {
			return List.of();
		}
		List<Target> chosen = new ArrayList<>(k);
		java.util.Set<Integer> taken = new java.util.HashSet<>();
		while (chosen.size() < k && taken.size() < pool.size()) {
			int i = random.nextInt(pool.size());
			if (taken.add(i)) {
				chosen.add(pool.get(i));
			}
		}
		// Fewer sessions than ids asked for (small N): repeat some, so that every parameter is bound.
		for (int i = 0; chosen.size() < k && !pool.isEmpty(); i++) {
			chosen.add(chosen.get(i));
		}
		return chosen;
	}

	private List<Probe> probes(Connection connection, String base) throws SQLException {
		List<Probe> probes = new ArrayList<>();
		probes.add(new Probe("reread_full_list", "", 0, (s, c) -> {
		}));
		for (int k : IN_SIZES) {
			String marks = String.join(", ", Collections.nCopies(k, "?"));
			probes.add(new Probe("reread_in_" + k, base + " WHERE p.ID IN (" + marks + ")", k, (s, chosen) -> {
				for (int i = 0; i < chosen.size(); i++) {
					s.setLong(i + 1, chosen.get(i).id());
				}
			}));
		}
		probes.add(new Probe("reread_id_eq", base + " WHERE p.ID = ?", 1, (s, c) -> s.setLong(1, c.get(0).id())));
		// What the console's close runs today: its one-session SQL (on MariaDB with the INNODB_TRX join).
		probes.add(new Probe("reread_console_session_sql", this.console.dialect().sessionSql().replace(":id", "?"), 1,
				(s, c) -> s.setLong(1, c.get(0).id())));
		if (this.seekdb) {
			List<String> columns = columns(connection, OB_GLOBAL);
			List<String> local = columns(connection, OB_LOCAL);
			this.results.add(new Results.Row(this.engine.label, this.n, "processlist_columns", Stats.NONE, Double.NaN,
					columns.size(), "", "", OB_GLOBAL + ": " + String.join(" ", columns) + "; " + OB_LOCAL + ": "
							+ (local.equals(columns) ? "the same" : String.join(" ", local))
							+ (this.serverKeys ? "" : "; no SVR_IP, SVR_PORT or SQL_PORT: no server predicate to try")));
			if (this.serverKeys) {
				probes.add(new Probe("reread_id_svr_ip_sql_port", base + " WHERE p.ID = ? AND p.SVR_IP = ? AND p.SQL_PORT = ?",
						1, (s, c) -> {
							s.setLong(1, c.get(0).id());
							s.setString(2, c.get(0).svrIp());
							s.setLong(3, c.get(0).sqlPort());
						}));
				if (columns.contains("SVR_PORT")) {
					probes.add(new Probe("reread_id_svr_ip_svr_port",
							base + " WHERE p.ID = ? AND p.SVR_IP = ? AND p.SVR_PORT = ?", 1, (s, c) -> {
								s.setLong(1, c.get(0).id());
								s.setString(2, c.get(0).svrIp());
								s.setLong(3, c.get(0).svrPort());
							}));
					probes.add(new Probe("reread_id_svr_ip_sql_port_svr_port",
							base + " WHERE p.ID = ? AND p.SVR_IP = ? AND p.SQL_PORT = ? AND p.SVR_PORT = ?", 1, (s, c) -> {
								s.setLong(1, c.get(0).id());
								s.setString(2, c.get(0).svrIp());
								s.setLong(3, c.get(0).sqlPort());
								s.setLong(4, c.get(0).svrPort());
							}));
				}
			}
			probes.add(new Probe("reread_local_view_id_eq", base.replace(OB_GLOBAL, OB_LOCAL) + " WHERE p.ID = ?", 1,
					(s, c) -> s.setLong(1, c.get(0).id())));
			// Not exact (no TENANT, SQL_ID, TRACE_ID, ...), for comparison: MySQL's view on seekdb.
			probes.add(new Probe("reread_is_processlist_id_eq", IS_PROCESSLIST + " WHERE ID = ?", 1,
					(s, c) -> s.setLong(1, c.get(0).id())));
		}
		else if (readable(connection, PS_THREADS + " WHERE 1 = 0")) {
			probes.add(new Probe("reread_ps_threads", PS_THREADS + " WHERE PROCESSLIST_ID = ?", 1,
					(s, c) -> s.setLong(1, c.get(0).id())));
		}
		else {
			System.out.println("  performance_schema.threads cannot be read here: no reread_ps_threads");
		}
		return probes;
	}

	/**
	 * MariaDB's cheapest re-read of one session: performance_schema.threads (5.4 ms at 5,000
	 * sessions against 43 ms for information_schema.PROCESSLIST WHERE ID = ?), with the same
	 * user, host, db, command, time (whole seconds), state and statement; where performance_schema
	 * is on.
	 */
	static final java.util.function.UnaryOperator<String> MARIADB_CHEAPEST_SQL = (base) -> ReReadBench.PS_THREADS
			+ " WHERE PROCESSLIST_ID = ?";

	/**
	 * seekdb 1.3's: its view has no server columns, and GV$, V$ and IN (...) all scan the whole
	 * session map (31 to 32 ms at 5,000): the console's own one-session SQL.
	 */
	static final java.util.function.UnaryOperator<String> SEEKDB_CHEAPEST_SQL = (base) -> base + " WHERE p.ID = ?";

	static final String OB_GLOBAL = "oceanbase.GV$OB_PROCESSLIST";

	static final String IS_PROCESSLIST = "SELECT ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST";

	static final String OB_LOCAL = "oceanbase.V$OB_PROCESSLIST";

	/** MariaDB's (and MySQL's) threads, with the processlist's columns. */
	static final String PS_THREADS = "SELECT PROCESSLIST_ID, PROCESSLIST_USER, PROCESSLIST_HOST, PROCESSLIST_DB,"
			+ " PROCESSLIST_COMMAND, PROCESSLIST_TIME, PROCESSLIST_STATE, PROCESSLIST_INFO FROM performance_schema.threads";

	private static List<String> columns(Connection connection, String view) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + view + " WHERE 1 = 0")) {
			ResultSetMetaData meta = rs.getMetaData();
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				names.add(meta.getColumnLabel(i).toUpperCase(Locale.ROOT));
			}
			return names;
		}
	}

	private static boolean readable(Connection connection, String sql) {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** EXPLAIN of the one-session reads, with the values inlined, printed and kept under target/bench/. */
	private void explain(Connection connection, Target target, List<Probe> probes) throws IOException {
		StringBuilder out = new StringBuilder();
		for (Probe probe : probes) {
			if (probe.ids() != 1 || probe.metric().equals("reread_in_1")) {
				continue;
			}
			String sql = probe.sql();
			sql = sql.replaceFirst("ID = \\?", "ID = " + Long.toUnsignedString(target.id()));
			if (target.svrIp() != null) {
				sql = sql.replaceFirst("SVR_IP = \\?", "SVR_IP = '" + target.svrIp() + "'");
				sql = sql.replaceFirst("SQL_PORT = \\?", "SQL_PORT = " + target.sqlPort());
				sql = sql.replaceFirst("SVR_PORT = \\?", "SVR_PORT = " + target.svrPort());
			}
			out.append("== ").append(probe.metric()).append('\n').append("EXPLAIN ").append(sql).append('\n');
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("EXPLAIN " + sql)) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					List<String> cells = new ArrayList<>();
					for (int c = 1; c <= columns; c++) {
						cells.add(rs.getString(c));
					}
					out.append(cells.stream().map(String::valueOf).collect(Collectors.joining(" | "))).append('\n');
				}
			}
			catch (SQLException ex) {
				out.append("(no plan: ").append(SessionLoad.describe(ex)).append(")\n");
			}
			out.append('\n');
		}
		Path file = Path.of("target", "bench",
				"explain-" + this.engine.label.replaceAll("[^A-Za-z0-9.]+", "-") + "-" + this.n + ".txt");
		Files.writeString(file, out.toString());
		System.out.println(out);
		System.out.println("  EXPLAINs kept in " + file.toAbsolutePath());
	}

	/**
	 * 200 KILL QUERY on one plain JDBC connection, each against a running SLEEP of the group; on
	 * seekdb, whose tenant runs at most about 145 statements at once, in rounds of a smaller group
	 * that restarts its SLEEPs between rounds (only the KILLs are timed).
	 */
	private void killQueries() throws Exception {
		int kills = 200;
		if (this.engine instanceof BenchEngine.Seekdb seekdbEngine && !seekdbEngine.groupRefusal().isEmpty()) {
			this.results.add(new Results.Row(this.engine.label, this.n, "kill_query_x200", Stats.NONE, Double.NaN,
					Double.NaN, "", "", "not measured: " + seekdbEngine.groupRefusal()));
			return;
		}
		int size = groupSize(this.engine, "bench.rereadGroup", kills);
		System.out.println("-- " + this.engine.label + ": " + kills + " x KILL QUERY against a group of " + size
				+ " running " + SleepGroup.STATEMENT);
		// The admin connection first: on seekdb a login may wait for a worker once the group runs.
		try (Connection admin = this.engine.server.connect();
				Statement kill = admin.createStatement();
				SleepGroup group = SleepGroup.start(this.engine, size)) {
			List<Double> each = new ArrayList<>();
			List<Double> roundTotals = new ArrayList<>();
			int rounds = 0;
			int notRunning = 0;
			while (each.size() < kills) {
				int running = group.awaitRunning(admin, 180);
				if (running < group.size()) {
					notRunning += group.size() - running;
				}
				rounds++;
				long roundStart = System.nanoTime();
				for (long id : group.ids()) {
					if (each.size() >= kills) {
						break;
					}
					long started = System.nanoTime();
					kill.execute("KILL QUERY " + Long.toUnsignedString(id));
					each.add(Stats.millisSince(started));
				}
				roundTotals.add(Stats.millisSince(roundStart));
			}
			int after = group.awaitRunning(admin, 180);
			double total = each.stream().mapToDouble(Double::doubleValue).sum();
			String note = String.format(Locale.ROOT,
					"%d x KILL QUERY <id> on one connection against running SLEEPs of a group of %d, in %d round%s (round totals %s ms); %d of %d running again after; statement ends seen with error codes %s",
					each.size(), size, rounds, rounds > 1 ? "s" : "",
					roundTotals.stream().map(Results::number).collect(Collectors.joining(", ")), after, size,
					group.errorCodes());
			if (notRunning > 0) {
				note += "; " + notRunning + " not running when a round began";
			}
			List<Double> slow = each.stream().filter((ms) -> ms > 100).toList();
			note += String.format(Locale.ROOT, "; %d KILLs over 100 ms (%.0f ms together), the longest %.0f ms",
					slow.size(), slow.stream().mapToDouble(Double::doubleValue).sum(),
					each.stream().mapToDouble(Double::doubleValue).max().orElse(0));
			this.results.add(new Results.Row(this.engine.label, this.n, "kill_query_x200", Stats.of(each), Double.NaN,
					total, "", "", "value = total ms of the KILLs; median, p95 = one KILL QUERY; " + note));
		}
	}

	/**
	 * How many running SLEEPs a group may have: {@code wanted}, or the property; on seekdb no more
	 * than 100 running SLEEPs with the load's active sessions (a tenant runs at most about 145). With
	 * memory_limit=2G at 5,000 sessions seekdb 1.3 answered nothing more once a group added 20 to 53
	 * SLEEPs (new workers need memory the sessions have taken); with 3G a group of 100 ran (README).
	 */
	static int groupSize(BenchEngine engine, String property, int wanted) {
		int fits = (engine instanceof BenchEngine.Seekdb) ? Math.max(10, 100 - engine.maxActive()) : wanted;
		return Integer.getInteger(property, Math.min(wanted, fits));
	}

	/**
	 * The cheapest exact re-read of one session the engine offers (see the re-read figures in the
	 * README): seekdb the console's select list cut to the session's id and server
	 * ({@code ID, SVR_IP, SQL_PORT}) where the view has them, else {@link #SEEKDB_CHEAPEST_SQL};
	 * MariaDB {@link #MARIADB_CHEAPEST_SQL}.
	 */
	static final class CheapReRead implements AutoCloseable {

		private final PreparedStatement reread;

		private final PreparedStatement locate;

		private CheapReRead(Connection admin, String sql, String locate) throws SQLException {
			this.reread = admin.prepareStatement(sql);
			this.locate = (locate != null) ? admin.prepareStatement(locate) : null;
		}

		static CheapReRead of(BenchEngine engine, ConsoleInProcess console, Connection admin) throws SQLException {
			return new CheapReRead(admin, sql(engine, console, admin),
					serverKeyed(engine, admin) ? "SELECT SVR_IP, SQL_PORT FROM " + OB_GLOBAL + " WHERE ID = ?" : null);
		}

		/** Its SQL on this engine, with {@code ?} for the id (and where the view has them SVR_IP, SQL_PORT). */
		static String sql(BenchEngine engine, ConsoleInProcess console, Connection admin) throws SQLException {
			String base = console.dialect().sessionsSql(null).get(0);
			if (!(engine instanceof BenchEngine.Seekdb)) {
				return MARIADB_CHEAPEST_SQL.apply(base);
			}
			return serverKeyed(engine, admin) ? base + " WHERE p.ID = ? AND p.SVR_IP = ? AND p.SQL_PORT = ?"
					: SEEKDB_CHEAPEST_SQL.apply(base);
		}

		private static boolean serverKeyed(BenchEngine engine, Connection admin) throws SQLException {
			return (engine instanceof BenchEngine.Seekdb)
					&& columns(admin, OB_GLOBAL).containsAll(List.of("SVR_IP", "SQL_PORT"));
		}

		/**
		 * Binds the session's keys; on seekdb it looks up the session's server first, untimed, as
		 * the console knows it from the list the DBA closes from.
		 */
		void locate(long id) throws SQLException {
			this.reread.setLong(1, id);
			if (this.locate != null) {
				this.locate.setLong(1, id);
				try (ResultSet rs = this.locate.executeQuery()) {
					if (!rs.next()) {
						throw new SQLException("session " + Long.toUnsignedString(id) + " is not in " + OB_GLOBAL);
					}
					this.reread.setString(2, rs.getString(1));
					this.reread.setLong(3, rs.getLong(2));
				}
			}
		}

		/** The timed part: the re-read, every column read. */
		int run() throws SQLException {
			return readAll(this.reread);
		}

		@Override
		public void close() throws SQLException {
			this.reread.close();
			if (this.locate != null) {
				this.locate.close();
			}
		}

	}

	/** A statement from its FROM on, for the notes (the select list is the console's). */
	static String fromOn(String sql) {
		int from = sql.indexOf(" FROM ");
		return (from >= 0) ? sql.substring(from + 1) : sql;
	}

	/** Reads every row and every column, as the console's mapping does. */
	static int readAll(PreparedStatement statement) throws SQLException {
		int rows = 0;
		try (ResultSet rs = statement.executeQuery()) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int c = 1; c <= columns; c++) {
					rs.getString(c);
				}
				rows++;
			}
		}
		return rows;
	}

}
