package com.obconsole.plan;

import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import com.obconsole.session.PageClient;
import com.obconsole.session.PageClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * The live plan against a real engine: a session running a real join (slowed by SLEEP per row),
 * an idle one, an ended one. Each engine has a subclass that says what its plan looks like.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
abstract class PlanEngineTests {

	static final String TARGET = "engine";

	/** A string literal an attacker chose: plans that show literals show it as text. */
	static final String HOSTILE = "</pre><script>alert(1)</script>";

	static final String JOIN = "SELECT a.id, SLEEP(20) FROM console_test.plan_rows a JOIN console_test.plan_other b"
			+ " ON a.v = b.v WHERE a.tag <> '" + HOSTILE + "'";

	TestRestTemplate viewer;

	TestSession running;

	@Autowired
	void signIn(TestRestTemplate anonymous) {
		this.viewer = anonymous.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
	}

	static void registerTarget(DynamicPropertyRegistry registry, LocalServer server) {
		TestTargets.register(registry, 0, TARGET, server);
	}

	abstract LocalServer server();

	/** What the running join's plan says on this engine. */
	abstract void assertJoinPlan(Map<String, Object> plan);

	@BeforeEach
	void tables() throws Exception {
		try (var admin = server().connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS console_test");
			sql.execute("CREATE TABLE IF NOT EXISTS console_test.plan_rows (id INT PRIMARY KEY, v INT, tag VARCHAR(64))");
			sql.execute("CREATE TABLE IF NOT EXISTS console_test.plan_other (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM console_test.plan_rows");
			sql.execute("DELETE FROM console_test.plan_other");
			sql.execute("INSERT INTO console_test.plan_rows VALUES (1, 0, 'x'), (2, 0, 'y'), (3, 0, 'z')");
			sql.execute("INSERT INTO console_test.plan_other VALUES (1, 0), (2, 0)");
		}
	}

	@AfterEach
	void end() {
		TestSession.closeAll(this.running);
	}

	@Test
	void aRunningJoinShowsItsPlan() throws Exception {
		this.running = TestSession.running(server(), JOIN);
		Map<String, Object> plan = awaitPlan(this.running, (p) -> !"NONE".equals(p.get("source")));
		assertThat(plan).containsKeys("sessionId", "sqlId", "source", "text", "rows", "code", "message");
		assertThat(plan.get("sessionId")).isEqualTo(this.running.idText());
		assertThat(plan.get("code")).isNull();
		assertThat(plan.get("message")).isNull();
		assertThat((String) plan.get("note")).isNotBlank();
		assertJoinPlan(plan);
	}

	@Test
	void anIdleSessionRunsNoStatement() throws Exception {
		try (TestSession idle = TestSession.idle(server())) {
			Map<String, Object> plan = plan(idle.idText());
			assertThat(plan.get("sessionId")).isEqualTo(idle.idText());
			assertThat(plan.get("source")).isEqualTo("NONE");
			assertThat(plan.get("text")).isNull();
			assertThat(plan.get("code")).isEqualTo("plan.none.idle");
			assertThat(plan.get("message")).isEqualTo("Session " + idle.idText() + " runs no statement now, so it has no plan to show.");
		}
	}

	@Test
	void anEndedSessionHasEnded() throws Exception {
		TestSession gone = TestSession.idle(server());
		gone.close();
		Map<String, Object> plan = awaitPlan(gone, (p) -> "plan.none.ended".equals(p.get("code")));
		assertThat(plan.get("source")).isEqualTo("NONE");
		assertThat(plan.get("message")).isEqualTo("Session " + gone.idText() + " has ended: it has no plan to show.");
	}

	@Test
	void aBadIdIsA400AndAnUnknownTargetA404() {
		ResponseEntity<Map<String, Object>> bad = get("/api/targets/" + TARGET + "/sessions/1x/plan");
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).containsEntry("parameter", "id");
		assertThat(get("/api/targets/nope/sessions/1/plan").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theTabShowsThePlanAsTextAndRefreshAsksAgain() throws Exception {
		this.running = TestSession.running(server(), JOIN);
		awaitPlan(this.running, (p) -> !"NONE".equals(p.get("source")));
		String url = "/targets/" + TARGET + "/sessions/" + this.running.idText() + "/plan";
		PageClient pages = new PageClient(this.viewer, TestUsers.VIEWER);
		Page region = pages.fragment(url);
		assertThat(region.status()).isEqualTo(200);
		assertThat(region.html()).doesNotContain("<html", "navbar");
		assertThat(region.doc().selectFirst("#plan-region").attr("data-session-id")).isEqualTo(this.running.idText());
		assertThat(region.doc().selectFirst("#plan-text")).as(region.html()).isNotNull();
		assertThat(region.doc().selectFirst(".plan-refresh").attr("hx-get")).isEqualTo(url);
		assertThat(region.doc().selectFirst(".plan-refresh").attr("href")).isEqualTo(url);
		assertThat(region.html()).doesNotContain("<script>alert(1)</script>");
		// Without htmx, a page of its own.
		Page page = pages.page(url);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.doc().select("nav.navbar")).hasSize(1);
		assertThat(page.doc().selectFirst("#plan-text").text()).isNotBlank();
		assertThat(page.doc().select("script:not([src])")).isEmpty();
	}

	Map<String, Object> awaitPlan(TestSession session, Predicate<Map<String, Object>> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Map<String, Object> plan = null;
		while (System.nanoTime() < deadline) {
			plan = plan(session.idText());
			if (until.test(plan)) {
				return plan;
			}
			sleep(200);
		}
		throw new AssertionError("the plan did not become as expected: " + plan);
	}

	Map<String, Object> plan(String id) {
		ResponseEntity<Map<String, Object>> response = get("/api/targets/" + TARGET + "/sessions/" + id + "/plan");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	ResponseEntity<Map<String, Object>> get(String url) {
		return this.viewer.exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
		});
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> rows(Map<String, Object> plan) {
		return (List<Map<String, Object>>) plan.get("rows");
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
