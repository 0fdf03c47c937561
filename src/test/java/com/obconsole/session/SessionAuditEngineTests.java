package com.obconsole.session;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.obconsole.audit.AuditAction;
import com.obconsole.audit.AuditQuery;
import com.obconsole.audit.AuditRecord;
import com.obconsole.audit.AuditTrail;
import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
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
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every close, whatever its outcome, leaves exactly one audit record with what was seen and done. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SessionAuditEngineTests {

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		TestTargets.register(registry, 0, "audited", seekdb);
		TestTargets.registerDown(registry, 1, "gone", FreePorts.unused());
		registry.add("console.connection.connect-timeout", () -> "1s");
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}

	@Autowired
	TestRestTemplate anonymous;

	@Autowired
	AuditTrail audit;

	@Test
	void eachOutcomeWritesExactlyOneRecordWithTheRightFields() throws Exception {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		try (TestSession sleeping = TestSession.running(seekdb, "SELECT SLEEP(600) /* audited */");
				TestSession idle = TestSession.inDatabase(seekdb, "audit_db")) {
			Instant start = Instant.now();
			Map<String, Object> row = listed(sleeping.id());

			// REFUSED: what was seen is not what runs.
			close(sleeping.id(), "close", Map.of("sql", "SELECT 1", "user", "root"));
			// CLOSED: close query with everything as seen.
			Map<String, Object> seen = new java.util.HashMap<>(row);
			seen.keySet().retainAll(List.of("observer", "user", "source", "sqlId", "traceId", "sql"));
			seen.values().removeIf(java.util.Objects::isNull);
			close(sleeping.id(), "close-query", seen);
			// CLOSED, then ALREADY_ENDED for the same session.
			close(idle.id(), "close", null);
			close(idle.id(), "close", null);

			List<AuditRecord> records = this.audit
				.find(new AuditQuery(start, null, TestUsers.OPERATOR, "audited", null, null, 0, 50))
				.records();
			assertThat(records).hasSize(4);
			// Newest first.
			assertThat(records).extracting(AuditRecord::outcome)
				.containsExactly("ALREADY_ENDED", "CLOSED", "CLOSED", "REFUSED");
			AuditRecord refused = records.get(3);
			assertThat(refused.action()).isEqualTo(AuditAction.CLOSE_SESSION);
			assertThat(refused.sessionId()).isEqualTo(Long.toString(sleeping.id()));
			assertThat(refused.sqlText()).isEqualTo("SELECT 1");
			assertThat(refused.message()).contains("now runs other SQL");
			assertThat(refused.route()).isEqualTo("NONE");
			AuditRecord closedQuery = records.get(2);
			assertThat(closedQuery.action()).isEqualTo(AuditAction.CLOSE_QUERY);
			assertThat(closedQuery.sqlText()).isEqualTo("SELECT SLEEP(600) /* audited */");
			assertThat(closedQuery.sqlId()).isEqualTo(row.get("sqlId"));
			assertThat(closedQuery.observer()).isEqualTo(row.get("observer"));
			assertThat(closedQuery.source()).isEqualTo(row.get("source"));
			assertThat(closedQuery.sessionUser()).isEqualTo("root");
			assertThat(closedQuery.tenant()).isEqualTo("sys");
			assertThat(closedQuery.route()).isEqualTo("TARGET");
			assertThat(closedQuery.actor()).isEqualTo(TestUsers.OPERATOR);
			AuditRecord closedSession = records.get(1);
			assertThat(closedSession.database()).isEqualTo("audit_db");
			assertThat(closedSession.action()).isEqualTo(AuditAction.CLOSE_SESSION);
		}
	}

	@Test
	void aFailureIsRecordedToo() {
		Instant start = Instant.now();
		ResponseEntity<Map<String, Object>> response = operator().exchange("/api/targets/gone/sessions/42/close",
				HttpMethod.POST, SessionApiEngineTests.json(null), new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(response.getBody()).containsEntry("outcome", "FAILED");
		assertThat(this.audit.find(new AuditQuery(start, null, null, "gone", null, "FAILED", 0, 10)).records())
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.sessionId()).isEqualTo("42");
				assertThat(r.message()).contains("Could not reach gone");
			});
	}

	@Test
	void aViewerMayNotCloseEvenWithValidCredentialsAndTheSessionLives() throws SQLException {
		try (TestSession idle = TestSession.idle(LocalEngines.seekdb(SeekdbRelease.V1_3))) {
			Instant start = Instant.now();
			ResponseEntity<String> response = this.anonymous.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD)
				.postForEntity("/api/targets/audited/sessions/" + idle.id() + "/close", SessionApiEngineTests.json(null), String.class);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(idle.isUsable()).isTrue();
			assertThat(this.audit.find(new AuditQuery(start, null, TestUsers.VIEWER, null, null, null, 0, 10)).records())
				.isEmpty();
		}
	}

	private TestRestTemplate operator() {
		return this.anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD);
	}

	private void close(long id, String action, Object seen) {
		ResponseEntity<String> response = operator().exchange("/api/targets/audited/sessions/" + id + "/" + action,
				HttpMethod.POST, SessionApiEngineTests.json(seen), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> listed(long id) {
		Map<String, Object> body = operator().getForObject("/api/targets/audited/sessions?id=" + id, Map.class);
		return ((List<Map<String, Object>>) body.get("sessions")).get(0);
	}

}
