package com.obconsole.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.obconsole.engine.LockWaits;
import com.obconsole.engine.SessionDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The lock tree at N sessions with real waiters: the console's {@code GET .../locks} beside the
 * raw engine calls it stands for (the processlist read and the lock read, the console's own SQL over
 * one plain JDBC connection), and what the lock read adds to every snapshot.
 */
final class LockTreeBench {

	private static final Pattern WAITING = Pattern.compile("\"waiting\"\\s*:\\s*(\\d+)");

	private static final int HOLDERS = 5;

	private LockTreeBench() {
	}

	static void measure(BenchEngine engine, ConsoleInProcess console, int n, int warmup, int iterations,
			Results results) throws Exception {
		int wanted = engine.lockWaiters();
		System.out.println("-- " + engine.label + ": " + wanted + " sessions waiting on " + HOLDERS + " holders");
		try (LockWaitLoad load = LockWaitLoad.start(engine.server, engine.lockWaitInit(), HOLDERS, wanted)) {
			int waiting = awaitWaiting(console, wanted);
			SessionDialect dialect = console.dialect();
			List<Double> raw = new ArrayList<>();
			List<Double> api = new ArrayList<>();
			int rawWaits = 0;
			double[] processlistBefore = null;
			double[] locksBefore = null;
			try (Connection connection = DriverManager.getConnection(engine.server.jdbcUrl(),
					engine.server.username(), engine.server.password())) {
				JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
				List<PreparedStatement> processlist = new ArrayList<>();
				for (String text : console.processlistSql()) {
					PreparedStatement statement = connection.prepareStatement(text.replace(":tenant", "?"));
					if (text.contains(":tenant")) {
						statement.setString(1, console.tenant());
					}
					processlist.add(statement);
				}
				Random order = new Random(n);
				List<Integer> steps = new ArrayList<>(List.of(0, 1));
				for (int round = 0; round < warmup + iterations; round++) {
					boolean measured = round >= warmup;
					if (round == warmup) {
						processlistBefore = console.readTime();
						locksBefore = console.timer("console.locks.read.time");
					}
					Collections.shuffle(steps, order);
					for (int step : steps) {
						long started = System.nanoTime();
						if (step == 0) {
							for (PreparedStatement statement : processlist) {
								readAll(statement);
							}
							LockWaits waits = dialect.lockWaits(jdbc);
							rawWaits = waits.waits().size();
							if (measured) {
								raw.add(Stats.millisSince(started));
							}
						}
						else {
							console.tokenHttp().get(console.locksPath()).requireOk("the lock tree");
							if (measured) {
								api.add(Stats.millisSince(started));
							}
						}
					}
				}
			}
			double processlistMs = averageSince(console.readTime(), processlistBefore);
			double locksMs = averageSince(console.timer("console.locks.read.time"), locksBefore);
			Stats rawStats = Stats.of(raw);
			Stats apiStats = Stats.of(api);
			double ratio = apiStats.median() / rawStats.median();
			results.add(new Results.Row(engine.label, n, "locks_raw_jdbc", rawStats, Double.NaN, rawWaits, "", "",
					"plain JDBC: the processlist read and the console's lock SQL (dialect.lockWaits) on one connection; "
							+ rawWaits + " waits"));
			results.add(new Results.Row(engine.label, n, "locks_api", apiStats, ratio, waiting, "ratio <= 1.25",
					Results.met(ratio <= 1.25), "GET " + console.locksPath() + " with a token: " + waiting
							+ " sessions waiting on " + HOLDERS + " holders"));
			results.add(new Results.Row(engine.label, n, "lock_read_per_snapshot", Stats.NONE, Double.NaN, locksMs, "",
					"", String.format(Locale.ROOT,
							"the console's lock read (its timer), ms per snapshot, with %d waiting; the processlist read of the same snapshots: %.2f ms",
							waiting, processlistMs)));
		}
	}

	/** Waits until the console's tree shows the waiters (they queue one by one). */
	private static int awaitWaiting(ConsoleInProcess console, int wanted) throws Exception {
		long deadline = System.nanoTime() + 120_000_000_000L;
		int waiting = 0;
		while (System.nanoTime() < deadline) {
			String body = console.tokenHttp().get(console.locksPath()).requireOk("the lock tree").body();
			Matcher matcher = WAITING.matcher(body);
			waiting = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
			if (waiting >= wanted) {
				return waiting;
			}
			Thread.sleep(500);
		}
		System.out.println("  only " + waiting + " of " + wanted + " sessions were seen waiting");
		return waiting;
	}

	private static double averageSince(double[] after, double[] before) {
		return (after[1] - before[1]) / Math.max(1, after[0] - before[0]);
	}

	private static void readAll(PreparedStatement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery()) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int c = 1; c <= columns; c++) {
					rs.getString(c);
				}
			}
		}
	}

}
