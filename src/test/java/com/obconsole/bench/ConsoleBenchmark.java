package com.obconsole.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the console is beside the engine's own answer, at thousands of sessions and many
 * viewers. A program, not a test: it prints figures and a CSV under {@code target/bench/}, and
 * never fails on timing. Run it with {@code ./mvnw -q -Pbench test-compile exec:exec} (see the
 * README's "Benchmarks").
 * <p>
 * For each engine (seekdb 1.3, MariaDB) it starts its own server, grows a load of N real sessions
 * in a separate JVM ({@link SessionLoad}), and at each N:
 * <ol>
 * <li>reads the processlist over plain JDBC (the console's own SQL) and through the console's
 * list API, interleaved, with {@code snapshot-max-age=0s} so that every call reads;</li>
 * <li>closes fresh sessions and queries through the API and with a raw KILL / KILL QUERY;</li>
 * <li>runs 1, 10 and 100 viewers refreshing every 2 s against a console with the default
 * snapshot age, counting the processlist reads (the console's counter, and the engine's);</li>
 * <li>reports the console's heap after the viewers (the load lives in another JVM).</li>
 * </ol>
 */
public final class ConsoleBenchmark {

	private static final Path OUT = Path.of("target", "bench");

	private static final String FILTERED = "activeOnly=true&user=bench&sort=time&size=50";

	/** What the viewers ask for: the default page, and the filters a DBA uses. */
	private static final List<String> VIEWER_QUERIES = List.of("", FILTERED, "sort=id&page=3&size=100",
			"user=root&source=127.0.0.1&size=20", "database=bench&sort=user&direction=asc");

	private static final String HTTP_FLOOR = "/actuator/health/liveness";

	private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

	private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z_]+)\"");

	private final List<String> engines = list("bench.engines", "seekdb,mariadb");

	private final List<Integer> sizes = list("bench.sizes", "100,1000,5000").stream().map(Integer::parseInt).toList();

	private final int iterations = Integer.getInteger("bench.iterations", 30);

	private final int warmup = Integer.getInteger("bench.warmup", 15);

	private final List<Integer> viewers = list("bench.viewers", "1,10,100").stream().map(Integer::parseInt).toList();

	private final int viewerSeconds = Integer.getInteger("bench.viewerSeconds", 20);

	private final int closeTrials = Integer.getInteger("bench.closeTrials", 20);

	/** The lock tree with real waiters, at the largest N: -Dbench.locks=false leaves it out. */
	private final boolean locks = !"false".equals(System.getProperty("bench.locks"));

	/** The live plan of a running statement, at the largest N: -Dbench.plans=false leaves it out. */
	private final boolean plans = !"false".equals(System.getProperty("bench.plans"));

	/** Re-read costs at the largest N ({@link ReReadBench}): -Dbench.rereads=false leaves them out. */
	private final boolean rereads = !"false".equals(System.getProperty("bench.rereads"));

	/** The batch close-query at the largest N ({@link CloseBatchBench}): -Dbench.batchClose=false leaves it out. */
	private final boolean batchClose = !"false".equals(System.getProperty("bench.batchClose"));

	/**
	 * -Dbench.only=rereads,... runs only the named steps: list, closes, locks, plans, rereads, batchClose,
	 * languages, viewers.
	 */
	private final List<String> only = list("bench.only", "");

	private final Results results;

	private final Deque<AutoCloseable> open = new ArrayDeque<>();

	private ConsoleBenchmark(Results results) {
		this.results = results;
	}

	public static void main(String[] args) throws Exception {
		Files.createDirectories(OUT);
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now());
		ConsoleBenchmark bench = new ConsoleBenchmark(new Results(OUT.resolve("bench-" + stamp + ".csv")));
		Thread cleanup = new Thread(bench::closeAll, "bench-cleanup");
		Runtime.getRuntime().addShutdownHook(cleanup);
		int exit = 0;
		try {
			bench.run();
		}
		catch (Exception ex) {
			System.out.println("The benchmark stopped: " + SessionLoad.describe(ex));
			ex.printStackTrace(System.out);
			exit = 1;
		}
		finally {
			bench.closeAll();
			Runtime.getRuntime().removeShutdownHook(cleanup);
		}
		System.out.println();
		System.out.print(bench.results.table());
		System.out.println();
		System.out.print(bench.results.notes());
		System.out.println("CSV: " + bench.results.csv().toAbsolutePath());
		System.exit(exit);
	}

	private void run() throws Exception {
		System.out.printf("OB Session Console benchmark, %s, %d cores, %.0f GiB, max open files %s, JDK %s%n",
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
				Runtime.getRuntime().availableProcessors(), totalMemoryGiB(), openFilesLimit(),
				System.getProperty("java.version"));
		System.out.println("load average at start: " + loadAverage());
		System.out.printf("engines %s, N %s, %d iterations (+%d warm-up), viewers %s for %d s each, %d close trials%n",
				this.engines, this.sizes, this.iterations, this.warmup, this.viewers, this.viewerSeconds,
				this.closeTrials);
		for (String name : this.engines) {
			runEngine(name);
		}
	}

	private void runEngine(String name) throws Exception {
		System.out.println();
		System.out.println("== " + name + ": starting the engine");
		BenchEngine engine = keep(BenchEngine.start(name));
		System.out.println("== " + engine.label + " on port " + engine.server.port() + " (" + engine.limits() + ")");
		LoadProcess load = keep(LoadProcess.start(engine.loadUrl(), BenchEngine.LOAD_USER, BenchEngine.LOAD_PASSWORD,
				engine.server.username(), engine.server.password(), 3600, engine.sessionInit(), engine.maxActive(), OUT.resolve("load.log")));
		try {
			for (int n : this.sizes) {
				System.out.println("-- " + engine.label + ": growing the load to " + n + " sessions");
				LoadProcess.Level level = load.grow(n);
				int held = level.open();
				String note = String.format(Locale.ROOT, "%d active (%d seen running SELECT SLEEP), %d in open transactions; grown in %.1f s",
						level.active(), level.running(), level.inTransaction(), level.seconds());
				if (!engine.loadNote().isEmpty() && level.active() < (n + 9) / 10) {
					note += "; " + engine.loadNote();
				}
				if (level.stopped()) {
					note += "; stopped at " + held + " of " + n + ": " + level.error();
				}
				this.results.add(new Results.Row(engine.label, held, "sessions_open", Stats.NONE, Double.NaN, held,
						"N=" + n, Results.met(held >= n), note));
				if (held == 0) {
					break;
				}
				measure(engine, held);
				if (level.stopped()) {
					break;
				}
			}
		}
		finally {
			close(load);
			close(engine);
		}
	}

	private void measure(BenchEngine engine, int n) throws Exception {
		String log = OUT.resolve("console.log").toString();
		try (ConsoleInProcess console = ConsoleInProcess.start(engine.server, "0s", log)) {
			if (runs("list")) {
				listReads(engine, console, n);
			}
			if (runs("closes")) {
				closes(engine, console, n);
			}
			if (this.locks && runs("locks") && n >= this.sizes.get(this.sizes.size() - 1)) {
				LockTreeBench.measure(engine, console, n, this.warmup, this.iterations, this.results);
			}
			if (this.plans && runs("plans") && n >= this.sizes.get(this.sizes.size() - 1)) {
				PlanBench.measure(engine, console, n, this.warmup, this.iterations, this.results);
			}
			if (this.rereads && runs("rereads") && n >= this.sizes.get(this.sizes.size() - 1)) {
				ReReadBench.measure(engine, console, n, this.results);
			}
			if (this.batchClose && runs("batchClose") && n >= this.sizes.get(this.sizes.size() - 1)) {
				CloseBatchBench.measure(engine, console, n, this.results);
			}
			if (runs("languages")) {
				LanguageBench.measure(engine, console, n, this.warmup, this.iterations, this.results);
			}
		}
		if (!runs("viewers")) {
			return;
		}
		try (ConsoleInProcess console = ConsoleInProcess.start(engine.server, null, log)) {
			for (int v : this.viewers) {
				viewers(engine, console, console.tokenHttp(), "", n, v);
			}
			int most = this.viewers.stream().max(Integer::compare).orElse(0);
			if (most > 0) {
				viewers(engine, console, console.http(), "_basic", n, most);
			}
			heap(engine, console, n);
		}
	}

	private boolean runs(String step) {
		return this.only.isEmpty() || this.only.contains(step);
	}

	// ---- 2. The list: raw processlist read against the console's API -------------------------

	private void listReads(BenchEngine engine, ConsoleInProcess console, int n) throws Exception {
		List<String> sql = console.processlistSql();
		List<Double> raw = new ArrayList<>();
		List<Double> all = new ArrayList<>();
		List<Double> filtered = new ArrayList<>();
		List<Double> basic = new ArrayList<>();
		List<Double> floor = new ArrayList<>();
		boolean floorAnswers = true;
		int rawRows = 0;
		int consoleTotal = 0;
		double[] readTimeBefore = null;
		double[] lockTimeBefore = null;
		List<PreparedStatement> statements = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(engine.server.jdbcUrl(), engine.server.username(),
				engine.server.password())) {
			for (String text : sql) {
				PreparedStatement statement = connection.prepareStatement(text.replace(":tenant", "?"));
				if (text.contains(":tenant")) {
					statement.setString(1, console.tenant());
				}
				statements.add(statement);
			}
			Random order = new Random(n);
			List<Integer> steps = new ArrayList<>(List.of(0, 1, 2, 3, 4));
			for (int round = 0; round < this.warmup + this.iterations; round++) {
				boolean measured = round >= this.warmup;
				if (round == this.warmup) {
					readTimeBefore = console.readTime();
					lockTimeBefore = console.timer("console.locks.read.time");
				}
				Collections.shuffle(steps, order);
				for (int step : steps) {
					long started = System.nanoTime();
					switch (step) {
						case 0 -> {
							rawRows = readAll(statements.get(0));
							for (PreparedStatement statement : statements.subList(1, statements.size())) {
								readAll(statement);
							}
							if (measured) {
								raw.add(Stats.millisSince(started));
							}
						}
						case 1 -> {
							String body = console.tokenHttp().get(console.sessionsPath("")).requireOk("the list").body();
							if (measured) {
								all.add(Stats.millisSince(started));
							}
							consoleTotal = total(body);
						}
						case 2 -> {
							console.tokenHttp().get(console.sessionsPath(FILTERED)).requireOk("the filtered list");
							if (measured) {
								filtered.add(Stats.millisSince(started));
							}
						}
						case 4 -> {
							console.http().get(console.sessionsPath("")).requireOk("the list with HTTP Basic");
							if (measured) {
								basic.add(Stats.millisSince(started));
							}
						}
						default -> {
							// The floor: an HTTP round trip to the console that reads nothing.
							if (floorAnswers) {
								floorAnswers = console.http().get(HTTP_FLOOR).status() == 200;
								if (measured && floorAnswers) {
									floor.add(Stats.millisSince(started));
								}
							}
						}
					}
				}
			}
		}
		double[] readTimeAfter = console.readTime();
		double consoleReadMs = (readTimeAfter[1] - readTimeBefore[1]) / Math.max(1, readTimeAfter[0] - readTimeBefore[0]);
		double[] lockTimeAfter = console.timer("console.locks.read.time");
		double consoleLockMs = (lockTimeAfter[1] - lockTimeBefore[1]) / Math.max(1, lockTimeAfter[0] - lockTimeBefore[0]);
		Stats rawStats = Stats.of(raw);
		Stats allStats = Stats.of(all);
		Stats filteredStats = Stats.of(filtered);
		String goal = "ratio <= 1.25";
		this.results.add(new Results.Row(engine.label, n, "http_floor", Stats.of(floor), Double.NaN, Double.NaN, "", "",
				"GET " + HTTP_FLOOR + ": the console's HTTP round trip with no database work, for the breakdown"));
		this.results.add(new Results.Row(engine.label, n, "list_raw_jdbc", rawStats, Double.NaN, rawRows, "", "",
				"plain JDBC, the console's SQL (" + sql.size() + " statement" + (sql.size() > 1 ? "s" : "")
						+ "), every column of every row read: " + rawRows + " sessions"));
		double ratioAll = allStats.median() / rawStats.median();
		this.results.add(new Results.Row(engine.label, n, "list_api", allStats, ratioAll, consoleTotal, goal,
				Results.met(ratioAll <= 1.25),
				String.format(Locale.ROOT, "GET %s with a token (total %d); the console's own read took %.2f ms on average (its timer), of which its lock read %.2f ms; load average %s",
						console.sessionsPath(""), consoleTotal, consoleReadMs + consoleLockMs, consoleLockMs, loadAverage())));
		Stats basicStats = Stats.of(basic);
		double ratioBasic = basicStats.median() / rawStats.median();
		this.results.add(new Results.Row(engine.label, n, "list_api_basic", basicStats, ratioBasic, Double.NaN, goal,
				Results.met(ratioBasic <= 1.25), "the same with HTTP Basic (a verified password is kept 60 s)"));
		double ratioFiltered = filteredStats.median() / rawStats.median();
		this.results.add(new Results.Row(engine.label, n, "list_api_filtered", filteredStats, ratioFiltered, Double.NaN,
				goal, Results.met(ratioFiltered <= 1.25), "GET " + console.sessionsPath(FILTERED) + " with a token"));
	}

	/** Reads every row and every column, as the console's mapping does. */
	private static int readAll(PreparedStatement statement) throws SQLException {
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

	private static int total(String body) {
		Matcher m = TOTAL.matcher(body);
		return m.find() ? Integer.parseInt(m.group(1)) : -1;
	}

	// ---- 4. Close session and close query: the API against a raw KILL ------------------------

	private enum CloseWay {

		RAW_KILL, RAW_REREAD_KILL, RAW_CHEAP_REREAD_KILL, API_CLOSE, API_CLOSE_BASIC, RAW_KILL_QUERY, RAW_REREAD_KILL_QUERY, API_CLOSE_QUERY;

		boolean query() {
			return this == RAW_KILL_QUERY || this == RAW_REREAD_KILL_QUERY || this == API_CLOSE_QUERY;
		}

	}

	private void closes(BenchEngine engine, ConsoleInProcess console, int n) throws Exception {
		Map<CloseWay, List<Double>> times = new EnumMap<>(CloseWay.class);
		for (CloseWay way : CloseWay.values()) {
			times.put(way, new ArrayList<>());
		}
		List<String> unexpected = new ArrayList<>();
		ExecutorService statements = Executors.newFixedThreadPool(2, (r) -> {
			Thread thread = new Thread(r, "bench-close-trial");
			thread.setDaemon(true);
			return thread;
		});
		Random order = new Random(n);
		int warm = 2;
		String cheapSql;
		try (Connection admin = engine.server.connect();
				Statement kill = admin.createStatement();
				PreparedStatement running = admin.prepareStatement(
						"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND INFO LIKE 'SELECT SLEEP%'");
				// The console's re-read of one session, its own SQL.
				PreparedStatement reread = admin.prepareStatement(console.dialect().sessionSql().replace(":id", "?"));
				// The cheapest exact re-read the engine offers (ReReadBench).
				ReReadBench.CheapReRead cheap = ReReadBench.CheapReRead.of(engine, console, admin)) {
			cheapSql = ReReadBench.CheapReRead.sql(engine, console, admin);
			List<CloseWay> ways = new ArrayList<>(List.of(CloseWay.values()));
			for (int trial = 0; trial < warm + this.closeTrials; trial++) {
				Collections.shuffle(ways, order);
				for (CloseWay way : ways) {
					Connection fresh = DriverManager.getConnection(engine.loadUrl(), BenchEngine.LOAD_USER,
							BenchEngine.LOAD_PASSWORD);
					long id = connectionId(fresh);
					CompletableFuture<Void> sleep = null;
					if (way.query()) {
						sleep = CompletableFuture.runAsync(() -> {
							try (Statement sql = fresh.createStatement()) {
								sql.execute("SELECT SLEEP(60) /* bench close-query trial */");
							}
							catch (SQLException ex) {
								// KILL QUERY ends it, with an error on some engines.
							}
						}, statements);
						awaitRunning(running, id);
					}
					if (way == CloseWay.RAW_CHEAP_REREAD_KILL) {
						cheap.locate(id);
					}
					long started = System.nanoTime();
					String outcome = "CLOSED";
					switch (way) {
						case RAW_KILL -> kill.execute("KILL " + Long.toUnsignedString(id));
						case RAW_KILL_QUERY -> kill.execute("KILL QUERY " + Long.toUnsignedString(id));
						case RAW_REREAD_KILL -> {
							reread.setLong(1, id);
							readAll(reread);
							kill.execute("KILL " + Long.toUnsignedString(id));
						}
						case RAW_CHEAP_REREAD_KILL -> {
							cheap.run();
							kill.execute("KILL " + Long.toUnsignedString(id));
						}
						case RAW_REREAD_KILL_QUERY -> {
							reread.setLong(1, id);
							readAll(reread);
							kill.execute("KILL QUERY " + Long.toUnsignedString(id));
						}
						case API_CLOSE -> outcome = outcome(console.tokenHttp()
							.post("/api/targets/" + ConsoleInProcess.TARGET + "/sessions/" + Long.toUnsignedString(id)
									+ "/close", "{}"));
						case API_CLOSE_BASIC -> outcome = outcome(console.http()
							.post("/api/targets/" + ConsoleInProcess.TARGET + "/sessions/" + Long.toUnsignedString(id)
									+ "/close", "{}"));
						case API_CLOSE_QUERY -> outcome = outcome(console.tokenHttp()
							.post("/api/targets/" + ConsoleInProcess.TARGET + "/sessions/" + Long.toUnsignedString(id)
									+ "/close-query", "{}"));
					}
					double millis = Stats.millisSince(started);
					if (!outcome.equals("CLOSED")) {
						unexpected.add(way + " " + outcome);
					}
					if (trial >= warm) {
						times.get(way).add(millis);
					}
					if (sleep != null) {
						try {
							sleep.get(10, TimeUnit.SECONDS);
						}
						catch (Exception ex) {
							unexpected.add(way + ": the SLEEP did not end within 10 s of its KILL QUERY");
							kill.execute("KILL " + Long.toUnsignedString(id));
						}
					}
					fresh.close();
				}
			}
		}
		finally {
			statements.shutdownNow();
		}
		String note = unexpected.isEmpty() ? "" : "not CLOSED: " + String.join("; ", unexpected);
		Stats rawKill = Stats.of(times.get(CloseWay.RAW_KILL));
		Stats rawRereadKill = Stats.of(times.get(CloseWay.RAW_REREAD_KILL));
		Stats apiClose = Stats.of(times.get(CloseWay.API_CLOSE));
		Stats rawKillQuery = Stats.of(times.get(CloseWay.RAW_KILL_QUERY));
		Stats rawRereadKillQuery = Stats.of(times.get(CloseWay.RAW_REREAD_KILL_QUERY));
		Stats apiCloseQuery = Stats.of(times.get(CloseWay.API_CLOSE_QUERY));
		Stats apiCloseBasic = Stats.of(times.get(CloseWay.API_CLOSE_BASIC));
		// Against the console's designed work done raw: the re-read that guards against a wrong KILL, then KILL.
		String goal = "ratio <= 1.25";
		this.results.add(new Results.Row(engine.label, n, "kill_raw_jdbc", rawKill, Double.NaN, Double.NaN, "", "",
				"KILL <id> on an open admin connection, fresh idle sessions"));
		this.results.add(new Results.Row(engine.label, n, "reread_kill_raw_jdbc", rawRereadKill,
				rawRereadKill.median() / rawKill.median(), Double.NaN, "", "",
				"the console's designed work over plain JDBC: its one-session SELECT, then KILL"));
		Stats rawCheapRereadKill = Stats.of(times.get(CloseWay.RAW_CHEAP_REREAD_KILL));
		this.results.add(new Results.Row(engine.label, n, "reread_cheap_kill_raw_jdbc", rawCheapRereadKill,
				rawCheapRereadKill.median() / rawKill.median(), Double.NaN, "", "",
				"the cheapest exact re-read the engine offers, then KILL: "
						+ ReReadBench.fromOn(cheapSql)));
		double ratio = apiClose.median() / rawRereadKill.median();
		this.results.add(new Results.Row(engine.label, n, "close_api", apiClose, ratio, Double.NaN, goal,
				Results.met(ratio <= 1.25),
				String.format(Locale.ROOT, "POST .../sessions/{id}/close with a token: re-reads the session, then KILL, audited ahead and after; %.2fx the raw KILL alone",
						apiClose.median() / rawKill.median()) + sep(note)));
		double ratioBasic = apiCloseBasic.median() / rawRereadKill.median();
		this.results.add(new Results.Row(engine.label, n, "close_api_basic", apiCloseBasic, ratioBasic, Double.NaN, goal,
				Results.met(ratioBasic <= 1.25), "the same with HTTP Basic"));
		this.results.add(new Results.Row(engine.label, n, "kill_query_raw_jdbc", rawKillQuery, Double.NaN, Double.NaN,
				"", "", "KILL QUERY <id>, fresh sessions running SELECT SLEEP(60)"));
		this.results.add(new Results.Row(engine.label, n, "reread_kill_query_raw_jdbc", rawRereadKillQuery,
				rawRereadKillQuery.median() / rawKillQuery.median(), Double.NaN, "", "",
				"its one-session SELECT, then KILL QUERY, over plain JDBC"));
		double ratioQuery = apiCloseQuery.median() / rawRereadKillQuery.median();
		this.results.add(new Results.Row(engine.label, n, "close_query_api", apiCloseQuery, ratioQuery, Double.NaN,
				goal, Results.met(ratioQuery <= 1.25),
				String.format(Locale.ROOT, "POST .../sessions/{id}/close-query with a token: re-reads, then KILL QUERY; %.2fx the raw KILL QUERY alone",
						apiCloseQuery.median() / rawKillQuery.median())));
	}

	private static String sep(String note) {
		return note.isEmpty() ? "" : "; " + note;
	}

	private static long connectionId(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery("SELECT CONNECTION_ID()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void awaitRunning(PreparedStatement running, long id) throws SQLException, InterruptedException {
		running.setLong(1, id);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			try (ResultSet rs = running.executeQuery()) {
				rs.next();
				if (rs.getInt(1) > 0) {
					return;
				}
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("session " + id + " did not show its SELECT SLEEP within 20 s");
	}

	private static String outcome(Http.Answer answer) throws IOException {
		answer.requireOk("close");
		Matcher m = OUTCOME.matcher(answer.body());
		return m.find() ? m.group(1) : answer.body();
	}

	// ---- 3. Viewers: reads per refresh window stay at one --------------------------------------

	private void viewers(BenchEngine engine, ConsoleInProcess console, Http http, String suffix, int n, int count)
			throws Exception {
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger pending = new AtomicInteger();
		List<String> errorTexts = Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, (r) -> {
			Thread thread = new Thread(r, "bench-viewer-clock");
			thread.setDaemon(true);
			return thread;
		});
		Random phases = new Random(count);
		long durationNanos = TimeUnit.SECONDS.toNanos(this.viewerSeconds);
		double readsBefore;
		long engineMark;
		try (Connection admin = engine.server.connect()) {
			readsBefore = console.processlistReads();
			engineMark = engine.readMark(admin);
			long start = System.nanoTime();
			long deadline = start + durationNanos;
			for (int v = 0; v < count; v++) {
				String path = console.sessionsPath(VIEWER_QUERIES.get(v % VIEWER_QUERIES.size()));
				clock.scheduleAtFixedRate(() -> {
					if (System.nanoTime() >= deadline) {
						return;
					}
					long sent = System.nanoTime();
					pending.incrementAndGet();
					http.getAsync(path).whenComplete((answer, failure) -> {
						if (failure != null || answer.status() != 200) {
							errors.incrementAndGet();
							if (errorTexts.size() < 3) {
								errorTexts.add((failure != null) ? SessionLoad.describe(failure)
										: "HTTP " + answer.status() + " " + answer.body());
							}
						}
						else {
							latencies.add(Stats.millisSince(sent));
						}
						pending.decrementAndGet();
					});
				}, phases.nextInt(2000), 2000, TimeUnit.MILLISECONDS);
			}
			Thread.sleep(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
			clock.shutdownNow();
			long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (pending.get() > 0 && System.nanoTime() < drain) {
				Thread.sleep(20);
			}
			double reads = console.processlistReads() - readsBefore;
			long engineReads = engine.readsSince(admin, engineMark);
			double windows = this.viewerSeconds / 2.0;
			double perWindow = reads / windows;
			String note = String.format(Locale.ROOT,
					"%d viewers x %d s with %s, refresh every 2 s; %d requests; console counter %.0f reads; engine (%s) %s",
					count, this.viewerSeconds, suffix.isEmpty() ? "tokens" : "HTTP Basic", latencies.size() + errors.get(), reads, engine.readCountSource(),
					(engineReads >= 0) ? engineReads + " reads" : "cannot count");
			if (errors.get() > 0) {
				note += "; " + errors.get() + " failed: " + String.join(" | ", errorTexts);
			}
			Stats stats = Stats.of(latencies);
			this.results.add(new Results.Row(engine.label, n, "viewers_" + count + suffix, stats, perWindow, reads,
					"<= 1 read per 2 s window, p95 < 1 s",
					Results.met(perWindow <= 1.0 && errors.get() == 0 && stats.p95() < 1000), note));
		}
		finally {
			clock.shutdownNow();
		}
	}

	// ---- 5. The console's heap ---------------------------------------------------------------

	private void heap(BenchEngine engine, ConsoleInProcess console, int n) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		double mib = used / (1024.0 * 1024.0);
		this.results.add(new Results.Row(engine.label, n, "heap_used_mib", Stats.NONE, Double.NaN, mib, "<= 256 MiB",
				Results.met(mib <= 256), "after the viewers, System.gc(), MemoryMXBean used heap of the console's JVM "
						+ "(the load's sessions live in another JVM)"));
	}

	// ---- plumbing ------------------------------------------------------------------------------

	private <T extends AutoCloseable> T keep(T resource) {
		synchronized (this.open) {
			this.open.push(resource);
		}
		return resource;
	}

	private void close(AutoCloseable resource) {
		synchronized (this.open) {
			if (!this.open.remove(resource)) {
				return;
			}
		}
		try {
			resource.close();
		}
		catch (Exception ex) {
			System.out.println("  could not close " + resource + ": " + SessionLoad.describe(ex));
		}
	}

	private void closeAll() {
		while (true) {
			AutoCloseable next;
			synchronized (this.open) {
				next = this.open.peek();
			}
			if (next == null) {
				return;
			}
			close(next);
		}
	}

	private static List<String> list(String property, String defaults) {
		return Arrays.stream(System.getProperty(property, defaults).split(","))
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.toList();
	}

	private static double totalMemoryGiB() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
		}
		return Double.NaN;
	}

	/** The machine's load average (1, 5, 15 min): other work on the 2 cores skews every figure. */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String openFilesLimit() {
		try {
			return Files.readAllLines(Path.of("/proc/self/limits"))
				.stream()
				.filter((line) -> line.startsWith("Max open files"))
				.map((line) -> line.replaceAll("Max open files\\s+(\\S+).*", "$1"))
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
