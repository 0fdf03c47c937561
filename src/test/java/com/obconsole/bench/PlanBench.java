package com.obconsole.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.obconsole.localengine.TestSession;

/**
 * The live plan of one running statement at N sessions: the console's
 * {@code GET .../sessions/{id}/plan} (which reads the session again, places the call and asks the
 * engine) beside the raw engine call over plain JDBC, in the same run.
 */
final class PlanBench {

	private PlanBench() {
	}

	static void measure(BenchEngine engine, ConsoleInProcess console, int n, int warmup, int iterations,
			Results results) throws Exception {
		boolean oceanBase = engine instanceof BenchEngine.Seekdb;
		try (Connection admin = engine.server.connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS console_test");
			sql.execute("CREATE TABLE IF NOT EXISTS console_test.plan_bench (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM console_test.plan_bench");
			sql.execute("INSERT INTO console_test.plan_bench VALUES (1, 0), (2, 0)");
		}
		try (TestSession running = TestSession.running(engine.server,
				"SELECT a.id, SLEEP(600) FROM console_test.plan_bench a JOIN console_test.plan_bench b ON a.v = b.v");
				Connection connection = engine.server.connect()) {
			String id = running.idText();
			String path = "/api/targets/" + ConsoleInProcess.TARGET + "/sessions/" + id + "/plan"
					+ ((console.tenant() != null) ? "?tenant=" + console.tenant() : "");
			// The function where the engine has it; the bench engines do (seekdb 1.3, MariaDB 11.4).
			String raw = oceanBase ? "SELECT DBMS_XPLAN.DISPLAY_ACTIVE_SESSION_PLAN(?)" : "SHOW ANALYZE FOR " + id;
			String source = "";
			List<Double> rawTimes = new ArrayList<>();
			List<Double> apiTimes = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(raw)) {
				if (oceanBase) {
					statement.setLong(1, running.id());
				}
				Random order = new Random(n);
				List<Integer> steps = new ArrayList<>(List.of(0, 1));
				for (int round = 0; round < warmup + iterations; round++) {
					boolean measured = round >= warmup;
					Collections.shuffle(steps, order);
					for (int step : steps) {
						long started = System.nanoTime();
						if (step == 0) {
							readAll(statement);
							if (measured) {
								rawTimes.add(Stats.millisSince(started));
							}
						}
						else {
							String body = console.tokenHttp().get(path).requireOk("the plan").body();
							if (measured) {
								apiTimes.add(Stats.millisSince(started));
							}
							source = body.replaceAll("(?s).*\"source\"\\s*:\\s*\"([A-Z]+)\".*", "$1");
						}
					}
				}
			}
			Stats rawStats = Stats.of(rawTimes);
			Stats apiStats = Stats.of(apiTimes);
			double ratio = apiStats.median() / rawStats.median();
			results.add(new Results.Row(engine.label, n, "plan_raw_jdbc", rawStats, Double.NaN, Double.NaN, "", "",
					"plain JDBC: " + raw.replace("?", id) + " on one connection"));
			results.add(new Results.Row(engine.label, n, "plan_api", apiStats, ratio, Double.NaN, "", "",
					"GET " + path + " with a token (session read again, then the plan): source " + source));
		}
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
