package com.obconsole.session;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestTargets;
import com.obconsole.localengine.TestSession;
import com.obconsole.security.TestUsers;
import com.obconsole.targets.Targets;
import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;
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
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session API against a real engine: real sessions of the test's own, listed, filtered,
 * closed. Each engine has a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
abstract class SessionApiEngineTests {

	static final String HOSTILE_SQL = "SELECT SLEEP(600), '</textarea><script>alert(1)</script>\"x' AS hostile";

	static final String TARGET = "engine";

	TestRestTemplate http;

	TestRestTemplate anonymous;

	@Autowired
	void signIn(TestRestTemplate anonymous) {
		this.anonymous = anonymous;
		this.http = anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD);
	}

	@Autowired
	Targets targets;

	@Autowired
	Sentences sentences;

	TestSession idle;

	TestSession sleeping;

	TestSession inTransaction;

	TestSession hostile;

	TestSession inDatabase;

	static void registerTarget(DynamicPropertyRegistry registry, LocalServer server) {
		TestTargets.register(registry, 0, TARGET, server);
		// Every request reads afresh, so each assertion sees the sessions as they are now.
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}

	abstract LocalServer server();

	@BeforeEach
	void openSessions() throws SQLException {
		this.idle = TestSession.idle(server());
		this.sleeping = TestSession.running(server(), "SELECT SLEEP(600)");
		this.inTransaction = TestSession.inTransaction(server(), "locked_" + getClass().getSimpleName().length());
		this.hostile = TestSession.running(server(), HOSTILE_SQL);
		this.inDatabase = TestSession.inDatabase(server(), "named_db");
	}

	@AfterEach
	void closeSessions() {
		TestSession.closeAll(this.idle, this.sleeping, this.inTransaction, this.hostile, this.inDatabase);
	}

	@Test
	void eachSessionAppearsWithItsColumns() {
		Map<String, Map<String, Object>> byId = sessionsById(list(Map.of("size", "500")));
		Map<String, Object> idle = byId.get(String.valueOf(this.idle.id()));
		assertThat(idle).containsEntry("command", "Sleep")
			.containsEntry("status", "SLEEP")
			.containsEntry("sql", null)
			.containsEntry("database", null)
			.containsEntry("user", expectedUser())
			.containsEntry("observer", expectedObserver())
			.containsEntry("proxy", null)
			.containsEntry("proxySessionId", null);
		assertThat((String) idle.get("source")).startsWith("127.0.0.1:");

		Map<String, Object> sleeping = byId.get(String.valueOf(this.sleeping.id()));
		assertThat(sleeping).containsEntry("sql", "SELECT SLEEP(600)").containsEntry("status", "ACTIVE");
		assertThat((String) sleeping.get("command")).isIn("Query", "Execute");
		assertThat(((Number) sleeping.get("executionTimeSeconds")).doubleValue()).isGreaterThanOrEqualTo(0);
		assertSqlIdentity(sleeping);

		Map<String, Object> transaction = byId.get(String.valueOf(this.inTransaction.id()));
		assertThat(transaction).containsEntry("status", "SLEEP");
		assertThat((String) transaction.get("transactionState")).as("%s", transaction).isIn(openTransactionStates());

		assertThat(byId.get(String.valueOf(this.hostile.id()))).containsEntry("sql", HOSTILE_SQL);
		assertThat(byId.get(String.valueOf(this.inDatabase.id()))).containsEntry("database", "named_db");
	}

	@Test
	void idsAreJsonStrings() {
		List<Map<String, Object>> sessions = sessions(list(Map.of("id", String.valueOf(this.idle.id()))));
		assertThat(sessions).singleElement().satisfies((s) -> assertThat(s.get("id")).isInstanceOf(String.class));
	}

	@Test
	void eachFilterNarrowsToTheExpectedRows() {
		assertThat(ids(list(Map.of("id", String.valueOf(this.idle.id()))))).containsExactly(idOf(this.idle));
		assertThat(ids(list(Map.of("database", "NAMED_d", "size", "500")))).containsExactly(idOf(this.inDatabase));
		List<String> active = ids(list(Map.of("activeOnly", "true", "size", "500")));
		assertThat(active).contains(idOf(this.sleeping), idOf(this.hostile))
			.doesNotContain(idOf(this.idle), idOf(this.inTransaction), idOf(this.inDatabase));
		String user = expectedUser().toUpperCase();
		assertThat(ids(list(Map.of("user", user, "size", "500")))).contains(idOf(this.idle), idOf(this.sleeping));
		assertThat(ids(list(Map.of("user", "nobody-has-this-name", "size", "500")))).isEmpty();
		assertThat(ids(list(Map.of("source", "127.0.0", "size", "500")))).contains(idOf(this.idle), idOf(this.hostile));
	}

	@Test
	void sortAndPagingAreConsistent() {
		List<String> all = ids(list(Map.of("sort", "id", "direction", "asc", "size", "500")));
		assertThat(all).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
		List<String> firstTwo = ids(list(Map.of("sort", "id", "direction", "asc", "size", "2", "page", "1")));
		List<String> nextTwo = ids(list(Map.of("sort", "id", "direction", "asc", "size", "2", "page", "2")));
		assertThat(firstTwo).containsExactlyElementsOf(all.subList(0, 2));
		assertThat(nextTwo).containsExactlyElementsOf(all.subList(2, Math.min(4, all.size())));
		List<Map<String, Object>> byTime = sessions(list(Map.of("size", "500")));
		List<Double> times = byTime.stream().map((s) -> ((Number) s.get("executionTimeSeconds")).doubleValue()).toList();
		assertThat(times).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		Map<String, Object> body = list(Map.of("activeOnly", "true"));
		assertThat((Integer) body.get("active")).isGreaterThanOrEqualTo(2);
		assertThat((Integer) body.get("total")).isGreaterThanOrEqualTo(5);
	}

	@Test
	void closeCurrentQueryInterruptsTheStatementAndKeepsTheConnection() throws Exception {
		Map<String, Object> result = post("/" + this.sleeping.id() + "/close-query", null);
		assertThat(result).containsEntry("outcome", "CLOSED").containsEntry("route", "TARGET");
		SQLException error = this.sleeping.statementError(Duration.ofSeconds(20));
		// 1317: Query execution was interrupted (SQLException is Iterable, hence no assertThat(error)).
		assertThat((error != null) ? error.getErrorCode() : -1).isEqualTo(1317);
		assertThat(this.sleeping.isUsable()).isTrue();
	}

	@Test
	void closeSessionEndsTheConnection() {
		Map<String, Object> result = post("/" + this.idle.id() + "/close", null);
		assertThat(result).containsEntry("outcome", "CLOSED").containsEntry("sessionId", idOf(this.idle));
		assertThat(this.idle.isUsable()).isFalse();
	}

	@Test
	void batchCloseReportsOneResultPerId() {
		List<Map<String, Object>> results = postList("/close",
				Map.of("ids", List.<Object>of(idOf(this.idle), this.inDatabase.id())));
		assertThat(results.stream().map((r) -> r.get("sessionId")).toList()).containsExactly(idOf(this.idle),
				idOf(this.inDatabase));
		assertThat(results.stream().map((r) -> r.get("outcome")).toList()).containsOnly("CLOSED");
		assertThat(this.idle.isUsable()).isFalse();
		assertThat(this.inDatabase.isUsable()).isFalse();
	}

	@Test
	void anEndedSessionIsAlreadyEnded() {
		String id = idOf(this.idle);
		this.idle.close();
		awaitGone(id);
		assertThat(post("/" + id + "/close", null)).containsEntry("outcome", "ALREADY_ENDED")
			.containsEntry("code", "close.ended")
			.containsEntry("message", this.sentences.english(Sentence.of("close.ended", id)));
		assertThat(post("/" + id + "/close-query", null)).containsEntry("outcome", "ALREADY_ENDED")
			.containsEntry("code", "close.ended");
	}

	@Test
	void aSessionRunningOtherSqlThanSeenIsRefusedAndNothingIsKilled() {
		Map<String, Object> seen = Map.of("sql", "SELECT 1 /* what the DBA saw */", "user", expectedUser());
		Map<String, Object> result = post("/" + this.sleeping.id() + "/close", seen);
		assertThat(result).containsEntry("outcome", "REFUSED").containsEntry("code", "close.stale.sql");
		assertThat((String) result.get("message")).contains("SELECT SLEEP(600)");
		assertThat(this.sleeping.isStatementRunning()).isTrue();
		Map<String, Object> seenIdle = Map.of("user", expectedUser(), "source",
				sessionsById(list(Map.of("size", "500"))).get(idOf(this.sleeping)).get("source"));
		assertThat(post("/" + this.sleeping.id() + "/close-query", seenIdle)).containsEntry("outcome", "REFUSED");
		assertThat(this.sleeping.isStatementRunning()).isTrue();
	}

	@Test
	void whatWasSeenStillRunningIsClosed() {
		Map<String, Object> row = sessionsById(list(Map.of("size", "500"))).get(idOf(this.sleeping));
		Map<String, Object> seen = new java.util.HashMap<>(row);
		seen.keySet().retainAll(List.of("observer", "user", "source", "sqlId", "traceId", "sql"));
		seen.values().removeIf(java.util.Objects::isNull);
		assertThat(post("/" + this.sleeping.id() + "/close-query", seen)).containsEntry("outcome", "CLOSED")
			.containsEntry("code", "close.query.closed")
			.containsEntry("message", this.sentences.english(Sentence.of("close.query.closed", idOf(this.sleeping))))
			.containsEntry("note", null);
	}

	@Test
	void theConsoleNeverClosesItsOwnConnections() {
		list(Map.of());
		Optional<Long> own = this.targets.require(TARGET).connections().ids().stream().findFirst();
		assertThat(own).isPresent();
		Map<String, Object> result = post("/" + own.get() + "/close", null);
		assertThat(result).containsEntry("outcome", "REFUSED").containsEntry("code", "close.own");
		assertThat((String) result.get("message")).contains("console's own");
	}

	@Test
	void theConsolesOwnReadIsMarkedAndCounted() {
		Map<String, Object> body = list(Map.of("size", "200"));
		List<Map<String, Object>> marked = sessions(body).stream().filter((s) -> Boolean.TRUE.equals(s.get("console"))).toList();
		// The read itself is on one of the console's connections, so at least that one is listed.
		assertThat(marked).isNotEmpty();
		assertThat(body.get("consoleSessions")).isEqualTo(marked.size());
		assertThat(marked).allSatisfy((s) -> assertThat(this.targets.require(TARGET).connections().ids())
			.contains(Long.parseUnsignedLong((String) s.get("id"))));
		assertThat(sessionsById(body).get(this.idle.idText()).get("console")).isEqualTo(false);
	}

	@Test
	void hostileSqlIsAPlainJsonString() {
		ResponseEntity<String> raw = this.http.getForEntity(
				"/api/targets/" + TARGET + "/sessions?id=" + this.hostile.id(), String.class);
		assertThat(raw.getBody()).contains("\\\"x'").contains("</textarea><script>alert(1)</script>");
		assertThat(sessions(list(Map.of("id", idOf(this.hostile))))).singleElement()
			.satisfies((s) -> assertThat(s.get("sql")).isEqualTo(HOSTILE_SQL));
	}

	@Test
	void badInputIsRefusedOrMatchesNothingNeverExecuted() {
		String tenKb = "x".repeat(10 * 1024);
		for (Map<String, String> bad : List.of(Map.of("id", "abc"), Map.of("id", "-1"), Map.of("id", "1 OR 1=1"),
				Map.of("user", "x".repeat(300)), Map.of("sort", "bogus"), Map.of("sort", "id; DROP TABLE x"),
				Map.of("direction", "sideways"), Map.of("page", "0"), Map.of("size", "100000"),
				Map.of("activeOnly", "maybe"))) {
			ResponseEntity<String> response = get(bad);
			String what = bad.toString().substring(0, Math.min(60, bad.toString().length()));
			assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).as(what).contains("\"status\":400");
		}
		// 10 KB in the URL: 400 (from the console, or from Tomcat's request-line limit), never a 500.
		assertThat(get(Map.of("user", tenKb + tenKb)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		// LIKE wildcards, quotes and SQL are plain text to match: only values containing them literally.
		for (String filter : List.of("%", "_", "'", "\"", "' OR '1'='1", "x'; KILL 1; --", "\\")) {
			for (String column : List.of("user", "source", "database")) {
				ResponseEntity<String> response = get(Map.of(column, filter));
				assertThat(response.getStatusCode()).as("%s=%s", column, filter).isEqualTo(HttpStatus.OK);
				assertThat(sessions(list(Map.of(column, filter))))
					.as("%s=%s", column, filter)
					.allSatisfy((s) -> assertThat((String) s.get(column)).contains(filter));
			}
		}
		assertThat(ids(list(Map.of("database", "_", "size", "500")))).contains(idOf(this.inDatabase))
			.doesNotContain(idOf(this.idle));
		assertThat(ids(list(Map.of("user", "%", "size", "500")))).isEmpty();
		assertThat(this.http.postForEntity("/api/targets/" + TARGET + "/sessions/abc/close", json(null), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.http.postForEntity("/api/targets/" + TARGET + "/sessions/-5/close-query", json(null), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.http
			.postForEntity("/api/targets/" + TARGET + "/sessions/close", json(Map.of("ids", List.of("1", "x"))), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.http.getForEntity("/api/targets/no-such-target/sessions", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.sleeping.isStatementRunning()).isTrue();
	}

	/** The user the local engine's admin connects as, as the processlist shows it. */
	String expectedUser() {
		return server().username();
	}

	/** OBServer column: the session's server. */
	String expectedObserver() {
		return "127.0.0.1:" + server().port();
	}

	abstract List<String> openTransactionStates();

	/** OceanBase shows SQL_ID and TRACE_ID; MySQL and MariaDB have none. */
	abstract void assertSqlIdentity(Map<String, Object> runningSession);

	// --- HTTP helpers ---

	Map<String, Object> list(Map<String, String> params) {
		ResponseEntity<Map<String, Object>> response = this.http.exchange(uri(params), HttpMethod.GET, null,
				new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(response.getStatusCode()).as("GET %s", params).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	ResponseEntity<String> get(Map<String, String> params) {
		return this.http.getForEntity(uri(params), String.class);
	}

	private java.net.URI uri(Map<String, String> params) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/targets/" + TARGET + "/sessions");
		params.forEach(uri::queryParam);
		return uri.encode().build().toUri();
	}

	Map<String, Object> post(String path, Object body) {
		ResponseEntity<Map<String, Object>> response = this.http.exchange("/api/targets/" + TARGET + "/sessions" + path,
				HttpMethod.POST, json(body), new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(response.getStatusCode()).as("POST %s", path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	List<Map<String, Object>> postList(String path, Object body) {
		ResponseEntity<List<Map<String, Object>>> response = this.http.exchange(
				"/api/targets/" + TARGET + "/sessions" + path, HttpMethod.POST, json(body),
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	/** The API takes a change only with a JSON content type, so every change here sends one. */
	static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> sessions(Map<String, Object> body) {
		return (List<Map<String, Object>>) body.get("sessions");
	}

	static List<String> ids(Map<String, Object> body) {
		return sessions(body).stream().map((s) -> (String) s.get("id")).toList();
	}

	static Map<String, Map<String, Object>> sessionsById(Map<String, Object> body) {
		Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
		sessions(body).forEach((s) -> byId.put((String) s.get("id"), s));
		return byId;
	}

	static String idOf(TestSession session) {
		return Long.toUnsignedString(session.id());
	}

	void awaitGone(String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			if (sessions(list(Map.of("id", id))).isEmpty()) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("session " + id + " still listed after it was closed");
	}

}
