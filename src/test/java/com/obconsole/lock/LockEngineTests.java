package com.obconsole.lock;

import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.obconsole.audit.AuditQuery;
import com.obconsole.audit.AuditRecord;
import com.obconsole.audit.AuditTrail;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import com.obconsole.session.PageClient;
import com.obconsole.session.PageClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row Lock Analysis against a real engine with real lock waits: A holds row 1 idle in its
 * transaction; B (holding row 2) and C wait for row 1; D waits for row 2, behind B. Each engine has a
 * subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
abstract class LockEngineTests {

	static final String TARGET = "engine";

	static final String TABLE = "console_test.lock_rows";

	/** A comment an attacker chose, in the SQL of a holder and of a waiter: pages show it as text. */
	static final String HOSTILE_PREFIX = "/*</td><script>alert(1)</script>*/ ";

	static final String HOSTILE = HOSTILE_PREFIX + "UPDATE " + TABLE + " SET v = v + 1 WHERE id = 1";

	TestRestTemplate operator;

	TestRestTemplate viewer;

	@Autowired
	AuditTrail audit;

	TestSession a;

	TestSession b;

	TestSession c;

	TestSession d;

	@Autowired
	void signIn(TestRestTemplate anonymous) {
		this.operator = anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD);
		this.viewer = anonymous.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
	}

	static void registerTarget(DynamicPropertyRegistry registry, LocalServer server) {
		TestTargets.register(registry, 0, TARGET, server);
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}

	abstract LocalServer server();

	@BeforeEach
	void lockWaits() throws Exception {
		try (var admin = server().connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS console_test");
			sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM " + TABLE);
			sql.execute("INSERT INTO " + TABLE + " VALUES (1, 0), (2, 0), (3, 0)");
		}
		this.a = TestSession.holding(server(), HOSTILE);
		this.b = TestSession.holding(server(), "UPDATE " + TABLE + " SET v = v + 1 WHERE id = 2");
		this.b.runInBackground("UPDATE " + TABLE + " SET v = v + 10 WHERE id = 1");
		this.c = TestSession.idle(server()).runInBackground(HOSTILE_PREFIX + "UPDATE " + TABLE + " SET v = v + 100 WHERE id = 1");
		this.d = TestSession.idle(server()).runInBackground("UPDATE " + TABLE + " SET v = v + 1000 WHERE id = 2");
	}

	@AfterEach
	void end() {
		TestSession.closeAll(this.d, this.c, this.b, this.a);
	}

	@Test
	void theTreeShowsTheRootBlockerAndTheChainAndClosingItReleasesTheWaiters() throws Exception {
		Instant start = Instant.now();
		Map<String, Object> tree = awaitTree(this.operator, (t) -> root(t, this.a) != null
				&& ((Number) root(t, this.a).get("blocksInAll")).intValue() == 3);
		Map<String, Object> rootA = root(tree, this.a);
		assertThat(rootA.get("blocksDirectly")).isEqualTo(2);
		assertThat(rootA.get("idleInTransaction")).isEqualTo(true);
		assertThat(rootA.get("sessionId")).isInstanceOf(String.class);
		assertThat(waiterIds(rootA)).containsExactlyInAnyOrder(this.b.idText(), this.c.idText());
		Map<String, Object> nodeB = waiter(rootA, this.b);
		assertThat((String) nodeB.get("sql")).contains("v + 10 WHERE id = 1");
		assertThat(lock(nodeB).get("table").toString()).contains("lock_rows");
		assertThat(lock(nodeB).get("holderSessionId")).isEqualTo(this.a.idText());
		assertThat(lock(nodeB).get("requestedMode").toString()).containsIgnoringCase("X");
		assertThat(((Number) nodeB.get("waitedMicros")).longValue()).isPositive();
		assertThat(waiterIds(nodeB)).containsExactly(this.d.idText());
		assertThat((String) waiter(nodeB, this.d).get("sql")).contains("v + 1000 WHERE id = 2");
		assertThat((String) waiter(rootA, this.c).get("sql")).contains("v + 100 WHERE id = 1");
		assertRowKey(lock(nodeB));

		// Close A from the tree, as operator: the guarded close of the list, audited.
		ResponseEntity<Map<String, Object>> closed = this.operator.exchange(
				"/api/targets/" + TARGET + "/sessions/" + this.a.idText() + "/close", HttpMethod.POST, json(),
				new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(closed.getBody()).containsEntry("outcome", "CLOSED");
		// B was first in the queue for row 1: its statement completes. C now waits for B, whose
		// transaction holds row 1 and row 2, as D does.
		assertThat(this.b.statementEnds(Duration.ofSeconds(20))).isTrue();
		assertThat((Object) this.b.statementError(Duration.ofSeconds(1))).isNull();
		List<AuditRecord> records = this.audit
			.find(new AuditQuery(start, null, TestUsers.OPERATOR, null, null, null, 0, 10))
			.records();
		assertThat(records).anySatisfy((r) -> {
			assertThat(r.sessionId()).isEqualTo(this.a.idText());
			assertThat(r.outcome()).isEqualTo("CLOSED");
		});
		Map<String, Object> afterClose = awaitTree(this.operator,
				(t) -> root(t, this.b) != null && ((Number) root(t, this.b).get("blocksInAll")).intValue() == 2);
		assertThat(root(afterClose, this.a)).isNull();
		assertThat(waiterIds(root(afterClose, this.b))).containsExactlyInAnyOrder(this.c.idText(), this.d.idText());
		// B commits: C and D complete, and nobody waits.
		this.b.connection().commit();
		assertThat(this.c.statementEnds(Duration.ofSeconds(20))).isTrue();
		assertThat(this.d.statementEnds(Duration.ofSeconds(20))).isTrue();
		assertThat((Object) this.c.statementError(Duration.ofSeconds(1))).isNull();
		assertThat((Object) this.d.statementError(Duration.ofSeconds(1))).isNull();
		awaitTree(this.operator, (t) -> ((List<?>) t.get("roots")).isEmpty());
	}

	@Test
	void aViewerReadsTheTreeAndTheFilterDropsShortWaits() {
		Map<String, Object> tree = awaitTree(this.viewer, (t) -> root(t, this.a) != null);
		assertThat(tree.get("available")).isEqualTo(true);
		ResponseEntity<Map<String, Object>> none = this.viewer.exchange(
				"/api/targets/" + TARGET + "/locks?minWaitMs=86400000", HttpMethod.GET, null,
				new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat((List<?>) none.getBody().get("roots")).isEmpty();
		assertThat(none.getBody().get("minWaitMs")).isEqualTo(86400000);
	}

	@Test
	void aBadMinimumWaitIsA400NamingIt() {
		for (String bad : List.of("-1", "1.5", "abc", "020", "86400001", "%E2%80%8B5")) {
			ResponseEntity<Map<String, Object>> response = this.viewer.exchange(
					"/api/targets/" + TARGET + "/locks?minWaitMs=" + bad, HttpMethod.GET, null,
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
			assertThat(response.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).as(bad).containsEntry("parameter", "minWaitMs");
		}
	}

	@Test
	void theTabDrawsTheTreeAsTextAndOffersClosesOnlyToOperators() {
		awaitTree(this.viewer, (t) -> root(t, this.a) != null && ((Number) root(t, this.a).get("blocksInAll")).intValue() == 3);
		String tab = "/clusters/" + TARGET + "/tenants/" + tenant() + "/locks?minWaitMs=0";
		Page asViewer = new PageClient(this.viewer, TestUsers.VIEWER).page(tab);
		assertThat(asViewer.status()).isEqualTo(200);
		Element rootA = asViewer.doc().selectFirst("#lock-tree .lock-root[data-session-id=" + this.a.idText() + "]");
		assertThat(rootA).as(asViewer.html()).isNotNull();
		assertThat(rootA.attr("data-blocks")).isEqualTo("3");
		assertThat(rootA.selectFirst(".mark-idle")).isNotNull();
		assertThat(rootA.select(".lock-waiters .lock-node[data-session-id=" + this.d.idText() + "]")).hasSize(1);
		assertThat(asViewer.doc().select(".close-session, .close-query")).isEmpty();
		// C's SQL carries markup: it is drawn as text.
		Element sqlOfC = asViewer.doc().selectFirst(".lock-node[data-session-id=" + this.c.idText() + "] .sql-preview");
		assertThat(sqlOfC.text()).startsWith(HOSTILE_PREFIX.strip());
		assertThat(asViewer.html()).doesNotContain("<script>alert(1)</script>");

		PageClient operatorPages = new PageClient(this.operator);
		Page asOperator = operatorPages.page(tab);
		Element operatorRoot = asOperator.doc().selectFirst(".lock-root[data-session-id=" + this.a.idText() + "]");
		assertThat(operatorRoot.selectFirst(".close-session")).isNotNull();
		// Close Current Query is for waiters: the idle root runs no query.
		assertThat(operatorRoot.child(0).select(".close-query")).isEmpty();
		assertThat(operatorRoot.select(".lock-waiters .close-query")).isNotEmpty();

		// Its confirmation says whom closing it releases, and that its transaction is rolled back.
		Page confirm = operatorPages.fragment(operatorRoot.selectFirst(".close-session").attr("href"));
		Element releases = confirm.doc().selectFirst(".confirm-releases");
		assertThat(releases).as(confirm.html()).isNotNull();
		assertThat(releases.attr("data-waiters").split(", ")).containsExactlyInAnyOrder(this.b.idText(), this.c.idText());
		assertThat(releases.text()).contains("3 in all");

		// The Tenant Session list marks the holder and the waiters, linking to the tree.
		Page list = operatorPages.page("/clusters/" + TARGET + "/tenants/" + tenant() + "/sessions");
		Element rowA = list.doc().selectFirst("tr[data-session-id=" + this.a.idText() + "]");
		assertThat(rowA.selectFirst(".mark-blocking").text()).isEqualTo("blocking 3");
		assertThat(rowA.selectFirst(".mark-blocking").attr("href")).endsWith("/tenants/" + tenant() + "/locks");
		Element rowD = list.doc().selectFirst("tr[data-session-id=" + this.d.idText() + "]");
		assertThat(rowD.selectFirst(".mark-waiting").attr("data-holder")).isEqualTo(this.b.idText());

		// An unknown cluster or tenant is the 404 page of the other tabs.
		for (String unknown : List.of("/clusters/nope/diagnostics/locks", "/clusters/" + TARGET + "/tenants/nope/locks",
				"/clusters/nope/tenants/" + tenant() + "/deadlocks")) {
			assertThat(operatorPages.page(unknown).status()).as(unknown).isEqualTo(404);
		}
	}

	/** The tenant the engine's sessions are listed under in Session Management. */
	abstract String tenant();

	/** Where the engine gives the row key, the tree shows it. */
	abstract void assertRowKey(Map<String, Object> lock);

	Map<String, Object> awaitTree(TestRestTemplate http, Predicate<Map<String, Object>> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Map<String, Object> tree = null;
		while (System.nanoTime() < deadline) {
			ResponseEntity<Map<String, Object>> response = http.exchange(
					"/api/targets/" + TARGET + "/locks?minWaitMs=0", HttpMethod.GET, null,
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			tree = response.getBody();
			if (until.test(tree)) {
				return tree;
			}
			sleep(200);
		}
		throw new AssertionError("the lock tree did not become as expected: " + tree);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> root(Map<String, Object> tree, TestSession session) {
		return ((List<Map<String, Object>>) tree.get("roots")).stream()
			.filter((r) -> session.idText().equals(r.get("sessionId")))
			.findFirst()
			.orElse(null);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> waiters(Map<String, Object> node) {
		return (List<Map<String, Object>>) node.get("waiters");
	}

	static List<Object> waiterIds(Map<String, Object> node) {
		return waiters(node).stream().map((w) -> w.get("sessionId")).toList();
	}

	static Map<String, Object> waiter(Map<String, Object> node, TestSession session) {
		return waiters(node).stream().filter((w) -> session.idText().equals(w.get("sessionId"))).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> lock(Map<String, Object> node) {
		return (Map<String, Object>) node.get("waitsFor");
	}

	static HttpEntity<Object> json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(null, headers);
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
