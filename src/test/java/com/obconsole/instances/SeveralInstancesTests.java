package com.obconsole.instances;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.obconsole.SessionConsoleApplication;
import com.obconsole.localengine.ConsoleDatabases;
import com.obconsole.localengine.ConsoleProcess;
import com.obconsole.localengine.FreezingProxy;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.MariaDbServer;
import com.obconsole.localengine.TestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two console instances in one JVM, on random ports, sharing one MariaDB console database, as two
 * instances behind a load balancer: a sign-in, the failed sign-in lock and the audit trail hold
 * across them, each keeps its own snapshots, and an instance told to stop in the middle of a batch
 * close of real MariaDB sessions finishes and audits it while the other serves the list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesTests {

	private static final String TARGET = "mine";

	private static final String PASSWORD = "console-test-pw";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final MariaDbServer mariadb = LocalEngines.mariadb();

	private ConsoleDatabases.Connect database;

	/** Reaches the target through a proxy the test can freeze, so that a close can be held in flight. */
	private FreezingProxy proxyOfA;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeAll
	void startTwoInstances() throws Exception {
		this.database = consoleDatabase().fresh();
		this.proxyOfA = FreezingProxy.to(this.mariadb.port());
		// One after the other: the first runs the migrations, the second finds them done.
		this.a = start(this.mariadb.jdbcUrl().replace(":" + this.mariadb.port() + "/", ":" + this.proxyOfA.port() + "/"));
		this.b = start(this.mariadb.jdbcUrl());
	}

	/** Where the two instances keep what they share; {@link SeveralInstancesOnSeekdbTests} runs all this on seekdb. */
	ConsoleDatabases consoleDatabase() {
		return ConsoleDatabases.MARIADB;
	}

	@AfterAll
	void stop() throws Exception {
		if (this.a != null) {
			this.a.close();
		}
		if (this.b != null) {
			this.b.close();
		}
		if (this.proxyOfA != null) {
			this.proxyOfA.close();
		}
	}

	private ConfigurableApplicationContext start(String targetUrl) {
		return new SpringApplicationBuilder(SessionConsoleApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.database.url(), "--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password(),
				// Behind a load balancer that says who the client is (README, Running several instances).
				"--server.forward-headers-strategy=native", "--console.targets[0].name=" + TARGET,
				"--console.targets[0].url=" + targetUrl, "--console.targets[0].username=" + this.mariadb.username(),
				"--console.targets[0].password=" + this.mariadb.password(),
				// A frozen target must hold the close, not time it out.
				"--console.connection.socket-timeout=120s", "--console.connection.query-timeout=120s");
	}

	@Test
	@Order(1)
	void signedInOnAIsSignedInOnBWithTheSameCookie() throws Exception {
		HttpResponse<String> login = get(this.a, "/login", null);
		String before = sessionCookie(login).orElseThrow();
		String csrf = csrfOf(login.body());
		HttpResponse<String> signIn = post(this.a, "/login", before, "username=operator&password=" + PASSWORD
				+ "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), null);
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValue("/");
		String after = sessionCookie(signIn).orElseThrow();
		// Fixation: the session of the sign-in page is not the signed-in one.
		assertThat(after).isNotEqualTo(before);
		assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy((cookie) -> assertThat(cookie)
			.startsWith("SESSION=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));

		HttpResponse<String> onB = get(this.b, "/", after);
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("operator");
		HttpResponse<String> withoutCookie = get(this.b, "/", null);
		assertThat(withoutCookie.statusCode()).isEqualTo(302);

		// Signed out on B is signed out on A.
		String csrfOnB = csrfOf(onB.body());
		HttpResponse<String> signOut = post(this.b, "/logout", after,
				"_csrf=" + URLEncoder.encode(csrfOnB, StandardCharsets.UTF_8), null);
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(get(this.a, "/", after).statusCode()).isEqualTo(302);
	}

	/** Spring Session writes the cookie now: it is still Secure over HTTPS, as the balancer tells it. */
	@Test
	@Order(1)
	void theSessionCookieIsSecureBehindAnHttpsBalancer() throws Exception {
		HttpResponse<String> overHttps = HTTP.send(HttpRequest.newBuilder(uri(this.a, "/login"))
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(overHttps.headers().allValues("Set-Cookie")).anySatisfy((cookie) -> assertThat(cookie)
			.startsWith("SESSION=")
			.containsIgnoringCase("; Secure"));
		HttpResponse<String> overHttp = get(this.a, "/login", null);
		assertThat(overHttp.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("SESSION="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
	}

	@Test
	@Order(2)
	void threeFailuresOnAAndTwoOnBLockTheUserOnBoth() throws Exception {
		// Each failure from another address, so that only the username's count reaches five.
		for (int i = 1; i <= 5; i++) {
			ConfigurableApplicationContext instance = (i <= 3) ? this.a : this.b;
			HttpResponse<String> failed = signIn(instance, "viewer", "wrong-" + i, "10.1.0." + i);
			assertThat(failed.headers().firstValue("Location")).as("failure %d", i)
				.hasValue((i < 5) ? "/login?error" : "/login?locked");
		}
		HttpResponse<String> login = get(this.a, "/login", null);
		String cookie = sessionCookie(login).orElseThrow();
		HttpResponse<String> lockedOnA = post(this.a, "/login", cookie, "username=viewer&password=" + PASSWORD
				+ "&_csrf=" + URLEncoder.encode(csrfOf(login.body()), StandardCharsets.UTF_8), "10.1.1.1");
		assertThat(lockedOnA.headers().firstValue("Location")).hasValue("/login?locked");
		// The figure the page tells, kept in the session by A, is read by B.
		HttpResponse<String> page = get(this.b, "/login?locked", cookie);
		assertThat(page.body()).contains("Too many failed sign-ins; try again in 15 minutes.");
		assertThat(signIn(this.b, "viewer", PASSWORD, "10.1.1.2").headers().firstValue("Location"))
			.hasValue("/login?locked");
		assertThat(call(this.b, "GET", "/api/targets", "viewer", null).statusCode()).isEqualTo(429);
		// Another user from the same addresses is not locked.
		assertThat(signIn(this.a, "admin", PASSWORD, "10.1.0.1").headers().firstValue("Location")).hasValue("/");
	}

	@Test
	@Order(3)
	void anOperatorsCloseOnBAppearsOnceInAsAudit() throws Exception {
		try (TestSession victim = TestSession.idle(this.mariadb)) {
			HttpResponse<String> close = call(this.b, "POST",
					"/api/targets/" + TARGET + "/sessions/" + victim.idText() + "/close", "operator", null);
			assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
			assertThat(JSON.readTree(close.body()).path("outcome").asString()).isEqualTo("CLOSED");
			List<JsonNode> onA = ofSession(auditOn(this.a), victim.idText());
			assertThat(onA).hasSize(1);
			assertThat(onA.get(0).path("actor").asString()).isEqualTo("operator");
			assertThat(onA.get(0).path("outcome").asString()).isEqualTo("CLOSED");
			assertThat(victim.isUsable()).isFalse();
		}
	}

	/**
	 * N instances cost a target N processlist reads per refresh window at most: each keeps its own
	 * snapshot. Twelve viewers (six on each instance) refresh as fast as they can for ten seconds.
	 */
	@Test
	@Order(4)
	void eachInstanceReadsTheTargetOncePerSnapshotAge() throws Exception {
		double readsOfA = reads(this.a);
		double readsOfB = reads(this.b);
		AtomicInteger lists = new AtomicInteger();
		long seconds = 10;
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService viewers = Executors.newFixedThreadPool(12);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int v = 0; v < 12; v++) {
				ConfigurableApplicationContext instance = (v % 2 == 0) ? this.a : this.b;
				running.add(viewers.submit(() -> {
					while (System.nanoTime() < end) {
						HttpResponse<String> list = call(instance, "GET", "/api/targets/" + TARGET + "/sessions?size=1",
								"admin", null);
						assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
						lists.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> viewer : running) {
				viewer.get();
			}
		}
		finally {
			viewers.shutdownNow();
		}
		double byA = reads(this.a) - readsOfA;
		double byB = reads(this.b) - readsOfB;
		// snapshot-max-age is 2 s: at most one read per instance per 2 s, and one more for a window begun.
		long perInstance = seconds / 2 + 1;
		System.out.printf("several instances (%s): %d lists in %d s over 2 instances cost the target %.0f + %.0f "
				+ "processlist reads (at most %d each)%n", consoleDatabase(), lists.get(), seconds, byA, byB, perInstance);
		assertThat(lists.get()).isGreaterThan(24);
		assertThat(byA).isBetween(1.0, (double) perInstance);
		assertThat(byB).isBetween(1.0, (double) perInstance);
	}

	@Test
	@Order(5)
	void aStoppedInstanceFinishesAndAuditsItsBatchCloseWhileTheOtherServesTheList() throws Exception {
		List<TestSession> victims = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			victims.add(TestSession.idle(this.mariadb));
		}
		try {
			List<String> ids = victims.stream().map(TestSession::idText).toList();
			String body = "{\"ids\":[" + String.join(",", ids.stream().map((id) -> "\"" + id + "\"").toList()) + "]}";
			this.proxyOfA.freeze();
			CompletableFuture<HttpResponse<String>> batch = send(this.a, "POST", "/api/targets/" + TARGET + "/sessions/close",
					"operator", body);
			awaitIntents(ids);
			assertThat(batch).as("the batch waits for the frozen target").isNotDone();
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(this.a::close);
			Thread.sleep(1000);
			assertThat(stopping).as("A waits for the close in flight").isNotDone();

			// Meanwhile B serves the list: the sessions A is closing are still there.
			HttpResponse<String> list = call(this.b, "GET", "/api/targets/" + TARGET + "/sessions?size=500", "operator",
					null);
			assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
			assertThat(list.body()).contains(ids.stream().map((id) -> "\"" + id + "\"").toList());

			this.proxyOfA.thaw();
			HttpResponse<String> answer = batch.get(60, TimeUnit.SECONDS);
			stopping.get(60, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			assertThat(JSON.readTree(answer.body()).findValuesAsString("outcome")).as(answer.body())
				.containsExactly("CLOSED", "CLOSED", "CLOSED", "CLOSED");
			assertThat(this.a.isActive()).isFalse();

			List<JsonNode> trail = auditOn(this.b);
			for (TestSession victim : victims) {
				List<JsonNode> ofSession = ofSession(trail, victim.idText());
				assertThat(ofSession).as("session %s in %s", victim.idText(), trail).hasSize(1);
				assertThat(ofSession.get(0).path("outcome").asString()).isEqualTo("CLOSED");
				assertThat(victim.isUsable()).isFalse();
			}
			HttpResponse<String> after = call(this.b, "GET", "/api/targets/" + TARGET + "/sessions?size=500", "operator",
					null);
			assertThat(after.statusCode()).isEqualTo(200);
		}
		finally {
			this.proxyOfA.thaw();
			victims.forEach(TestSession::close);
		}
	}

	/** Waits until the batch's intents are in the shared database: A is then inside the close. */
	private void awaitIntents(List<String> ids) throws Exception {
		String in = String.join(",", ids.stream().map((id) -> "'" + id + "'").toList());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			try (Connection connection = DriverManager.getConnection(this.database.url(), this.database.username(),
					this.database.password());
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM audit_record WHERE outcome = 'UNKNOWN'"
							+ " AND session_id IN (" + in + ")")) {
				rows.next();
				if (rows.getInt(1) == ids.size()) {
					return;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no intents for " + ids + " within 20 s");
	}

	private static double reads(ConfigurableApplicationContext instance) throws Exception {
		HttpResponse<String> metric = call(instance, "GET", "/actuator/metrics/console.processlist.reads?tag=target:" + TARGET,
				"admin", null);
		if (metric.statusCode() == 404) {
			return 0;
		}
		assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
		return JSON.readTree(metric.body()).path("measurements").get(0).path("value").asDouble();
	}

	private static List<JsonNode> auditOn(ConfigurableApplicationContext instance) throws Exception {
		HttpResponse<String> page = call(instance, "GET", "/api/audit?target=" + TARGET + "&size=500", "admin", null);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		List<JsonNode> records = new ArrayList<>();
		JSON.readTree(page.body()).path("records").forEach(records::add);
		return records;
	}

	private static List<JsonNode> ofSession(List<JsonNode> records, String sessionId) {
		return records.stream().filter((r) -> sessionId.equals(r.path("sessionId").asString())).toList();
	}

	/** A sign-in through the form, from {@code client} as the load balancer tells it. */
	private static HttpResponse<String> signIn(ConfigurableApplicationContext instance, String username, String password,
			String client) throws Exception {
		HttpResponse<String> login = get(instance, "/login", null);
		String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrfOf(login.body()), StandardCharsets.UTF_8);
		return post(instance, "/login", sessionCookie(login).orElseThrow(), form, client);
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String cookie)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path)).timeout(Duration.ofSeconds(30));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String cookie,
			String form, String client) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (client != null) {
			request.header("X-Forwarded-For", client);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An API call with HTTP Basic. */
	private static HttpResponse<String> call(ConfigurableApplicationContext instance, String method, String path,
			String user, String body) throws Exception {
		return send(instance, method, path, user, body).get(120, TimeUnit.SECONDS);
	}

	private static CompletableFuture<HttpResponse<String>> send(ConfigurableApplicationContext instance, String method,
			String path, String user, String body) {
		return ConsoleProcess.send(uri(instance, path), method, user, body);
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		return URI.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port") + path);
	}

	/** The session cookie an answer sets, as "SESSION=…". */
	private static Optional<String> sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((cookie) -> cookie.split(";")[0])
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.findFirst();
	}

	private static String csrfOf(String html) {
		Matcher matcher = CSRF_FIELD.matcher(html);
		assertThat(matcher.find()).as("a CSRF field in %s", html).isTrue();
		return matcher.group(1);
	}

}
