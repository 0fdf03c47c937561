package com.obconsole.deadlock;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import com.obconsole.session.PageClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlock Analysis against a real engine with a real deadlock, provoked once per class: A updates
 * row 1, B row 2, A then waits for row 2 and B for row 1; the engine rolls one back. A's statement
 * carries a hostile comment, which the page must show as text. Each engine has a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeadlockEngineTests {

	static final String TARGET = "engine";

	static final String TABLE = "console_test.deadlock_rows";

	static final String HOSTILE = "/* <script>alert(1)</script> */ UPDATE " + TABLE + " SET v = v + 10 WHERE id = 2";

	static final String OTHER = "UPDATE " + TABLE + " SET v = v + 20 WHERE id = 1";

	TestRestTemplate viewer;

	TestRestTemplate anonymous;

	/** The statement that got the deadlock error, and when the deadlock was provoked. */
	String victimSql;

	Instant provokedAt;

	@Autowired
	void signIn(TestRestTemplate anonymous) {
		this.anonymous = anonymous;
		this.viewer = anonymous.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
	}

	static void registerTarget(DynamicPropertyRegistry registry, LocalServer server) {
		TestTargets.register(registry, 0, TARGET, server);
	}

	abstract LocalServer server();

	/** The tenant the target shows (seekdb 1.3: sys; MariaDB: default). */
	abstract String tenant();

	/** Lets the engine detect the deadlock in seconds; a no-op where it does by default. */
	void detectDeadlocksFast(Statement admin) throws SQLException {
	}

	@BeforeEach
	void deadlock() throws Exception {
		if (this.victimSql != null) {
			return;
		}
		try (var admin = server().connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS console_test");
			sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM " + TABLE);
			sql.execute("INSERT INTO " + TABLE + " VALUES (1, 0), (2, 0)");
			detectDeadlocksFast(sql);
		}
		this.provokedAt = Instant.now();
		TestSession a = TestSession.holding(server(), "UPDATE " + TABLE + " SET v = v + 1 WHERE id = 1");
		TestSession b = TestSession.holding(server(), "UPDATE " + TABLE + " SET v = v + 1 WHERE id = 2");
		try {
			a.runInBackground(HOSTILE);
			try {
				b.runInBackground(OTHER);
			}
			catch (IllegalStateException ex) {
				// InnoDB finds the cycle at once: B's statement may fail before it is seen running.
			}
			assertThat(a.statementEnds(Duration.ofSeconds(90))).as("A's statement ends").isTrue();
			assertThat(b.statementEnds(Duration.ofSeconds(90))).as("B's statement ends").isTrue();
			SQLException errorA = a.statementError(Duration.ofSeconds(1));
			SQLException errorB = b.statementError(Duration.ofSeconds(1));
			System.out.println("deadlock: A (" + a.idText() + ") " + errorA + "; B (" + b.idText() + ") " + errorB);
			assertThat(errorA == null ^ errorB == null).as("exactly one statement fails").isTrue();
			SQLException error = (errorA != null) ? errorA : errorB;
			System.out.println("deadlock error " + error.getErrorCode() + " / " + error.getSQLState());
			this.victimSql = (errorA != null) ? HOSTILE : OTHER;
			sessions(a, b);
		}
		finally {
			a.connection().rollback();
			b.connection().rollback();
			TestSession.closeAll(a, b);
		}
	}

	/** The two sessions, for the subclass's own checks. */
	void sessions(TestSession a, TestSession b) {
	}

	@AfterAll
	void tidyUp() throws Exception {
		restore();
	}

	/** Undoes {@link #detectDeadlocksFast}. */
	void restore() throws Exception {
	}

	@Test
	void bothMembersAppearWithTheirSqlAndOneIsRolledBack() {
		Map<String, Object> event = awaitEvent();
		List<Map<String, Object>> members = members(event);
		assertThat(members).hasSize(2);
		assertThat(members).anySatisfy((m) -> assertThat((String) m.get("sql")).isEqualTo(HOSTILE));
		assertThat(members).anySatisfy((m) -> assertThat((String) m.get("sql")).isEqualTo(OTHER));
		assertThat(members.stream().filter((m) -> Boolean.TRUE.equals(m.get("rolledBack")))).hasSize(1);
		assertThat(Instant.parse((String) event.get("time"))).isBetween(this.provokedAt.minusSeconds(5),
				Instant.now().plusSeconds(5));
		assertEngine(history(), event, members);
	}

	/** What this engine shows beyond the common part. */
	abstract void assertEngine(Map<String, Object> history, Map<String, Object> event, List<Map<String, Object>> members);

	@Test
	void aViewerSeesTheHostileSqlAsTextOnThePage() {
		awaitEvent();
		PageClient.Page page = new PageClient(this.anonymous, TestUsers.VIEWER)
			.page("/clusters/" + TARGET + "/tenants/" + tenant() + "/deadlocks");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("/* &lt;script&gt;alert(1)&lt;/script&gt; */ UPDATE " + TABLE)
			.doesNotContain("<script>alert(1)</script>");
		assertThat(page.doc().select("script").stream().map((s) -> s.html())).noneMatch((s) -> s.contains("alert(1)"));
		assertThat(page.doc().select("table.deadlock-members td.rolled-back").eachText()).contains("yes", "no");
		assertThat(page.doc().select("#tab-deadlocks.active")).hasSize(1);
		assertThat(page.doc().select("#deadlock-note").text()).isNotEmpty();
		// Method 1 draws the same tab, with the tenant selector.
		PageClient.Page throughCluster = new PageClient(this.anonymous, TestUsers.VIEWER)
			.page("/clusters/" + TARGET + "/diagnostics/deadlocks?tenant=" + tenant());
		assertThat(throughCluster.status()).isEqualTo(200);
		assertThat(throughCluster.doc().select("#tenant-selector")).hasSize(1);
		assertThat(throughCluster.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void badParametersAreA400NamingThem() {
		Map<String, String> bad = new java.util.LinkedHashMap<>();
		bad.put("since=yesterday", "since");
		bad.put("since=2026-12-04", "since");
		bad.put("until=2026-13-01T00:00:00Z", "until");
		bad.put("page=0", "page");
		bad.put("page=-1", "page");
		bad.put("page=1.5", "page");
		bad.put("page=01", "page");
		bad.put("size=0", "size");
		bad.put("size=101", "size");
		bad.put("size=abc", "size");
		bad.put("since=2026-12-04T10:00:00Z&until=2026-12-04T10:00:00Z", "since");
		bad.put("since=2026-12-04T11:00:00Z&until=2026-12-04T10:00:00Z", "since");
		bad.forEach((query, parameter) -> {
			ResponseEntity<Map<String, Object>> response = this.viewer.exchange(
					"/api/targets/" + TARGET + "/deadlocks?" + query, HttpMethod.GET, null,
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
			assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).as(query).containsEntry("parameter", parameter);
			assertThat((String) response.getBody().get("detail")).as(query).startsWith(parameter + ":");
		});
		PageClient.Page page = new PageClient(this.anonymous, TestUsers.VIEWER)
			.page("/clusters/" + TARGET + "/tenants/" + tenant() + "/deadlocks?size=101");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.doc().select("#deadlock-error").attr("data-parameter")).isEqualTo("size");
	}

	@Test
	void aWindowBeforeTheDeadlockShowsNone() {
		awaitEvent();
		Map<String, Object> before = history("since=2020-01-01T00:00:00Z&until=2020-01-02T00:00:00Z");
		assertThat(before.get("total")).isEqualTo(0);
		assertThat((List<?>) before.get("events")).isEmpty();
		assertThat(before.get("available")).isEqualTo(true);
		// Paged over deadlocks: this class's one is on page 1, page 2 is past the end.
		Map<String, Object> second = history("page=2&size=1");
		assertThat(((Number) second.get("total")).intValue()).isPositive();
		assertThat(second.get("page")).isEqualTo(2);
		if (((Number) second.get("total")).intValue() == 1) {
			assertThat((List<?>) second.get("events")).isEmpty();
			assertThat(second.get("hasMore")).isEqualTo(false);
		}
	}

	Map<String, Object> history(String... query) {
		ResponseEntity<Map<String, Object>> response = this.viewer.exchange(
				"/api/targets/" + TARGET + "/deadlocks" + ((query.length > 0) ? "?" + query[0] : ""), HttpMethod.GET,
				null, new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	/** The event of this class's deadlock, polled for: OceanBase's detector may take seconds to report. */
	@SuppressWarnings("unchecked")
	Map<String, Object> awaitEvent() {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Map<String, Object> history = null;
		while (System.nanoTime() < deadline) {
			history = history();
			assertThat(history.get("available")).as("available: %s", history.get("unavailable")).isEqualTo(true);
			for (Map<String, Object> event : (List<Map<String, Object>>) history.get("events")) {
				if (members(event).stream().anyMatch((m) -> HOSTILE.equals(m.get("sql")))) {
					return event;
				}
			}
			sleep(500);
		}
		throw new AssertionError("the deadlock was not reported within 60 s: " + history);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> members(Map<String, Object> event) {
		return (List<Map<String, Object>>) event.get("members");
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
