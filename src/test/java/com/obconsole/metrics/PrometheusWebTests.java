package com.obconsole.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import com.obconsole.session.SessionSnapshots;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} over HTTP, as Prometheus scrapes it, from a console on a random port
 * whose target is the local seekdb: what moves after a real close, who may scrape, and that every
 * metric the Grafana dashboard in docs/ queries is in a real scrape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrometheusWebTests {

	static final String TARGET = "local-seekdb";

	static final String DOWN = "down";

	static final Path DASHBOARD = Path.of("docs/grafana-dashboard.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, TARGET, LocalEngines.seekdb());
		TestTargets.registerDown(registry, 1, DOWN, FreePorts.unused());
		registry.add("console.connection.connect-timeout", () -> "1s");
		registry.add("console.connection.status-cache-time", () -> "100ms");
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@Test
	void aCloseMovesTheActionCounterAndTheReadIsTimed() throws Exception {
		try (TestSession victim = TestSession.running(LocalEngines.seekdb(), "SELECT SLEEP(600)")) {
			String closed = "console_actions_total{kind=\"CLOSE_SESSION\",outcome=\"CLOSED\",target=\"" + TARGET + "\"}";
			double closedBefore = value(scrape(), closed);
			double readsBefore = value(scrape(), "console_processlist_reads_total{target=\"" + TARGET + "\",tenant=\"all\"}");

			assertThat(call("GET", "/api/targets/" + TARGET + "/sessions", TestUsers.VIEWER).statusCode()).isEqualTo(200);
			HttpResponse<String> close = call("POST", "/api/targets/" + TARGET + "/sessions/" + victim.idText() + "/close",
					TestUsers.OPERATOR);
			assertThat(close.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(close.body()).get("outcome").asString()).isEqualTo("CLOSED");
			assertThat(victim.isUsable()).as("the close really closed it").isFalse();

			String after = scrape();
			assertThat(value(after, closed)).isEqualTo(closedBefore + 1);
			assertThat(value(after, "console_processlist_reads_total{target=\"" + TARGET + "\",tenant=\"all\"}"))
				.isGreaterThan(readsBefore);
			assertThat(value(after, "console_processlist_read_time_seconds_count{target=\"" + TARGET + "\",tenant=\"all\"}"))
				.isGreaterThan(0);
			assertThat(value(after, "console_processlist_read_time_seconds_sum{target=\"" + TARGET + "\",tenant=\"all\"}"))
				.isGreaterThan(0);
			double age = value(after, "console_snapshot_age_seconds{target=\"" + TARGET + "\",tenant=\"all\"}");
			assertThat(age).isBetween(0.0, 60.0);
		}
	}

	@Test
	void madeUpTenantsCannotGrowTheMetersWithoutEnd() throws Exception {
		// Any viewer can name any tenant in a URL; each would be a series of its own for ever.
		for (int i = 0; i < SessionSnapshots.MAX_KEYS + 20; i++) {
			assertThat(call("GET", "/api/targets/" + TARGET + "/sessions?tenant=made-up-" + i, TestUsers.VIEWER)
				.statusCode()).isEqualTo(200);
		}
		String scrape = scrape();
		long series = scrape.lines()
			.filter((line) -> line.startsWith("console_processlist_reads_total{target=\"" + TARGET + "\""))
			.count();
		assertThat(series).as("at most MAX_KEYS series, the other tenants' one and the whole target's")
			.isLessThanOrEqualTo(SessionSnapshots.MAX_KEYS + 2);
		assertThat(value(scrape, "console_processlist_reads_total{target=\"" + TARGET + "\",tenant=\""
				+ SessionSnapshots.OTHER_TENANTS + "\"}")).isGreaterThanOrEqualTo(20);
	}

	@Test
	void reachabilityIsOneForTheEngineAndZeroForATargetNobodyListensOn() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		String scrape = scrape();
		// The first scrape starts the checks in the background; a later one reports them.
		while (System.nanoTime() < deadline && (Double.isNaN(reachable(scrape, TARGET)) || Double.isNaN(reachable(scrape, DOWN)))) {
			Thread.sleep(200);
			scrape = scrape();
		}
		assertThat(reachable(scrape, TARGET)).isEqualTo(1.0);
		assertThat(reachable(scrape, DOWN)).isEqualTo(0.0);
	}

	@Test
	void aFailedSignInIsCounted() throws Exception {
		double before = value(scrape(), "console_signin_failures_total");
		HttpResponse<String> wrong = this.http.send(request("GET", "/api/targets", "viewer", "not-the-password"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(value(scrape(), "console_signin_failures_total")).isEqualTo(before + 1);
	}

	@Test
	void onlyAdminsAndMetricsScrapersMayScrapeAndAMetricsTokenReadsNothingElse() throws Exception {
		assertThat(call("GET", "/actuator/prometheus", TestUsers.VIEWER).statusCode()).isEqualTo(403);
		assertThat(call("GET", "/actuator/prometheus", TestUsers.OPERATOR).statusCode()).isEqualTo(403);
		assertThat(this.http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

		HttpResponse<String> made = this.http.send(request("POST", "/api/tokens", TestUsers.ADMIN, TestUsers.PASSWORD,
				"{\"name\":\"prometheus-" + System.nanoTime() + "\",\"role\":\"METRICS\",\"expiresInDays\":30}"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		String token = JSON.readTree(made.body()).get("token").asString();

		HttpResponse<String> scraped = bearer(token, "/actuator/prometheus");
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("console_target_reachable");
		for (String other : new String[] { "/api/targets", "/api/targets/" + TARGET + "/sessions", "/api/audit",
				"/api/tokens", "/actuator/health", "/actuator/metrics", "/actuator/env" }) {
			assertThat(bearer(token, other).statusCode()).as(other).isEqualTo(403);
		}

		// A viewer may not hand out a scraper's token: METRICS is not below VIEWER.
		HttpResponse<String> refused = this.http.send(request("POST", "/api/tokens", TestUsers.VIEWER,
				TestUsers.PASSWORD, "{\"name\":\"sneaky\",\"role\":\"METRICS\"}"), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(400);
	}

	@Test
	void everyMetricTheDashboardQueriesIsInARealScrape() throws Exception {
		// The counters and timers a close and a read make exist only once they happened.
		try (TestSession victim = TestSession.idle(LocalEngines.seekdb())) {
			call("GET", "/api/targets/" + TARGET + "/sessions", TestUsers.VIEWER);
			assertThat(call("POST", "/api/targets/" + TARGET + "/sessions/" + victim.idText() + "/close",
					TestUsers.OPERATOR).statusCode()).isEqualTo(200);
		}
		Set<String> queried = dashboardMetrics();
		assertThat(queried).as("the dashboard's metrics").hasSizeGreaterThanOrEqualTo(8);
		Set<String> scraped = metricNames(scrape());
		assertThat(scraped).containsAll(queried);
	}

	/** The console_* series names in every panel's PromQL. */
	static Set<String> dashboardMetrics() throws IOException {
		JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARD));
		Set<String> names = new TreeSet<>();
		Matcher metric = Pattern.compile("\\bconsole_[a-z_]+").matcher("");
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.path("targets")) {
				metric.reset(target.get("expr").asString());
				while (metric.find()) {
					names.add(metric.group());
				}
			}
		}
		return names;
	}

	private static Set<String> metricNames(String scrape) {
		Set<String> names = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			if (!line.isEmpty() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

	private static double reachable(String scrape, String target) {
		return value(scrape, "console_target_reachable{target=\"" + target + "\"}");
	}

	/** The value of one series, exactly as named with its labels; 0 for a counter not made yet. */
	private static double value(String scrape, String series) {
		for (String line : scrape.split("\n")) {
			if (line.startsWith(series + " ")) {
				return Double.parseDouble(line.substring(series.length() + 1).trim());
			}
		}
		return 0;
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = call("GET", "/actuator/prometheus", TestUsers.ADMIN);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		return response.body();
	}

	private HttpResponse<String> call(String method, String path, String user) throws Exception {
		return this.http.send(request(method, path, user, TestUsers.PASSWORD), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> bearer(String token, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String path, String user, String password) {
		return request(method, path, user, password, null);
	}

	private HttpRequest request(String method, String path, String user, String password, String body) {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic);
		if ("GET".equals(method)) {
			return builder.GET().build();
		}
		// Changes carry a JSON content type, body or not (ApiOriginGuard).
		return builder.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString((body != null) ? body : ""))
			.build();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
