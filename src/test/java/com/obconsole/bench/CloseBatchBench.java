package com.obconsole.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The batch close of queries at N sessions: a group of sessions ({@link SleepGroup}) runs the same
 * statement, {@link SleepGroup#STATEMENT} (200 sessions where the engine can run them), and
 * each trial closes all their queries at once, interleaved in random order: through the API,
 * {@code POST .../sessions/close-query} with the ids, and raw, one processlist read (the console's
 * list SQL, every row read) and a {@code KILL QUERY} per session on one plain JDBC connection.
 * Between trials the group's sessions start their SLEEP again, and the next trial waits until the
 * processlist shows all of them running.
 */
final class CloseBatchBench {

	private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z_]+)\"");

	private CloseBatchBench() {
	}

	static void measure(BenchEngine engine, ConsoleInProcess console, int n, Results results) throws Exception {
		if (engine instanceof BenchEngine.Seekdb seekdbEngine && !seekdbEngine.groupRefusal().isEmpty()) {
			results.add(new Results.Row(engine.label, n, "batch_close_query_api", Stats.NONE, Double.NaN, Double.NaN,
					"ratio <= 1.25", "", "not measured: " + seekdbEngine.groupRefusal()));
			return;
		}
		int trials = Integer.getInteger("bench.batchTrials", 5);
		int warm = 1;
		int size = ReReadBench.groupSize(engine, "bench.batchSize", 200);
		System.out.println("-- " + engine.label + ": batch close-query of " + size + " sessions running "
				+ SleepGroup.STATEMENT + ", " + trials + " trials (+" + warm + " warm-up)");
		List<Double> api = new ArrayList<>();
		List<Double> raw = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int apiClosed = 0;
		int apiResults = 0;
		// Connections first: on seekdb a login may wait for a worker once the group runs.
		try (Connection admin = engine.server.connect();
				Connection connection = DriverManager.getConnection(engine.server.jdbcUrl(),
						engine.server.username(), engine.server.password());
				Statement kill = connection.createStatement();
				SleepGroup group = SleepGroup.start(engine, size)) {
			List<PreparedStatement> list = new ArrayList<>();
			for (String text : console.processlistSql()) {
				PreparedStatement statement = connection.prepareStatement(text.replace(":tenant", "?"));
				if (text.contains(":tenant")) {
					statement.setString(1, console.tenant());
				}
				list.add(statement);
			}
			String body = group.ids()
				.stream()
				.map((id) -> "\"" + Long.toUnsignedString(id) + "\"")
				.collect(Collectors.joining(",", "{\"ids\":[", "]}"));
			String path = "/api/targets/" + ConsoleInProcess.TARGET + "/sessions/close-query";
			Random order = new Random(n);
			List<Boolean> ways = new ArrayList<>(List.of(true, false));
			for (int trial = 0; trial < warm + trials; trial++) {
				Collections.shuffle(ways, order);
				for (boolean throughApi : ways) {
					int running = group.awaitRunning(admin, 180);
					if (running < size) {
						problems.add("trial " + trial + ": only " + running + " of " + size + " running before "
								+ (throughApi ? "the API" : "the raw") + " close");
					}
					long started = System.nanoTime();
					if (throughApi) {
						Http.Answer answer = console.tokenHttp().post(path, body).requireOk("the batch close-query");
						double millis = Stats.millisSince(started);
						Map<String, Integer> outcomes = outcomes(answer.body());
						int closed = outcomes.getOrDefault("CLOSED", 0);
						if (trial >= warm) {
							api.add(millis);
							apiClosed += closed;
							apiResults += outcomes.values().stream().mapToInt(Integer::intValue).sum();
						}
						if (closed != size) {
							problems.add("trial " + trial + ": API outcomes " + outcomes);
						}
					}
					else {
						for (PreparedStatement statement : list) {
							ReReadBench.readAll(statement);
						}
						for (long id : group.ids()) {
							kill.execute("KILL QUERY " + Long.toUnsignedString(id));
						}
						if (trial >= warm) {
							raw.add(Stats.millisSince(started));
						}
					}
				}
			}
			int after = group.awaitRunning(admin, 180);
			if (after < size) {
				problems.add("after the trials only " + after + " of " + size + " running again");
			}
			if (group.ended() > 0) {
				problems.add(group.ended() + " sessions of the group ended (a KILL, not a KILL QUERY?)");
			}
		}
		if (!problems.isEmpty()) {
			System.out.println("  batch close: " + String.join("; ", problems));
		}
		Stats rawStats = Stats.of(raw);
		Stats apiStats = Stats.of(api);
		double ratio = apiStats.median() / rawStats.median();
		String sessions = n + " of the load + " + size + " of the group";
		String trialsRaw = raw.stream().map(Results::number).collect(Collectors.joining(" "));
		String trialsApi = api.stream().map(Results::number).collect(Collectors.joining(" "));
		results.add(new Results.Row(engine.label, n, "batch_close_query_raw_jdbc", rawStats, Double.NaN, size, "", "",
				String.format(Locale.ROOT,
						"plain JDBC on one connection: the console's list SQL (every row read) + %d x KILL QUERY <id>, %.2f ms per session; %s sessions",
						size, rawStats.median() / size, sessions) + "; trials (ms): " + trialsRaw));
		results.add(new Results.Row(engine.label, n, "batch_close_query_api", apiStats, ratio, apiClosed,
				"ratio <= 1.25", Results.met(ratio <= 1.25),
				String.format(Locale.ROOT,
						"POST .../sessions/close-query {\"ids\":[%d ids]} with a token, the whole call; value = CLOSED results over the %d trials (%d results, %d expected); %.2f ms per session",
						size, trials, apiResults, size * trials, apiStats.median() / size) + "; trials (ms): " + trialsApi
						+ (problems.isEmpty() ? "" : "; " + String.join("; ", problems))));
	}

	/** Counts the results' outcomes in the API's JSON list. */
	static Map<String, Integer> outcomes(String body) {
		Map<String, Integer> counts = new TreeMap<>();
		Matcher m = OUTCOME.matcher(body);
		while (m.find()) {
			counts.merge(m.group(1), 1, Integer::sum);
		}
		return counts;
	}

}
