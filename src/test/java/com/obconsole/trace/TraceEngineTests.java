package com.obconsole.trace;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestTargets;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.TestSession;
import com.obconsole.security.TestUsers;
import com.obconsole.session.SessionSnapshots;
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
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session tracing against seekdb 1.3 (which has it), seekdb 1.4 and MariaDB (which do not). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class TraceEngineTests {

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "seekdb", LocalEngines.seekdb(SeekdbRelease.V1_3));
		TestTargets.register(registry, 1, "seekdb14", LocalEngines.seekdb(SeekdbRelease.V1_4));
		TestTargets.register(registry, 2, "mariadb", LocalEngines.mariadb());
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}


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

	@Autowired
	com.obconsole.audit.AuditTrail audit;

	@Autowired
	SessionSnapshots snapshots;

	TestSession session;

	@BeforeEach
	void open() throws SQLException {
		this.session = TestSession.idle(LocalEngines.seekdb(SeekdbRelease.V1_3));
	}

	@AfterEach
	void close() {
		this.session.close();
	}

	@Test
	void enableShowsInTheListAndTheViewThenDisableUnsetsIt() {
		java.time.Instant start = java.time.Instant.now();
		Map<String, Object> enabled = put("seekdb", this.session.id(),
				Map.of("level", 2, "samplePercent", 50, "recordPolicy", "ALL"));
		assertThat(enabled).containsEntry("outcome", "ENABLED").containsEntry("route", "TARGET");
		assertThat(processlistTrace(this.session.id())).containsEntry("LEVEL", 2L)
			.containsEntry("SAMPLE_PERCENTAGE", 50L)
			.containsEntry("RECORD_POLICY", "ALL");
		Map<String, Object> listed = listedSession(this.session.id());
		assertThat(listed).containsEntry("traceLevel", 2)
			.containsEntry("traceSamplePercentage", 50)
			.containsEntry("traceRecordPolicy", "ALL")
			.containsEntry("traceTenantWide", false);
		// Every other session only shows the tenant's setting (seekdb 1.3 traces the tenant by default).
		try (TestSession other = TestSession.idle(LocalEngines.seekdb(SeekdbRelease.V1_3))) {
			assertThat(listedSession(other.id())).containsEntry("traceTenantWide", true);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(get("seekdb", this.session.id())).containsEntry("enabled", true)
			.containsEntry("tenantWide", false)
			.containsEntry("level", 2)
			.containsEntry("supported", true);

		Map<String, Object> disabled = delete("seekdb", this.session.id());
		assertThat(disabled).containsEntry("outcome", "DISABLED");
		// Off again: the session falls back to the tenant's setting, which seekdb 1.3 turns on by
		// default (level 1, 10%, SAMPLE_AND_SLOW_QUERY).
		assertThat(processlistTrace(this.session.id())).doesNotContainEntry("LEVEL", 2L)
			.doesNotContainEntry("RECORD_POLICY", "ALL");

		// Both changes are audited with the old and new settings.
		var records = this.audit.find(new com.obconsole.audit.AuditQuery(start, null, TestUsers.OPERATOR, "seekdb", null,
				null, 0, 10)).records();
		assertThat(records).extracting((r) -> r.action().name()).containsExactly("TRACE_DISABLE", "TRACE_ENABLE");
		assertThat(records.get(1).outcome()).isEqualTo("ENABLED");
		assertThat(records.get(1).detail()).isEqualTo("old: level 1, 10%, SAMPLE_AND_SLOW_QUERY; new: level 2, 50%, ALL");
		assertThat(records.get(0).detail()).isEqualTo("old: level 2, 50%, ALL; new: off");
	}

	@Test
	void badSettingsAreRefusedBeforeReachingTheEngine() {
		Map<String, Object> before = processlistTrace(this.session.id());
		for (Map<String, Object> bad : new Map[] { Map.of("level", 0, "samplePercent", 10, "recordPolicy", "ALL"),
				Map.of("level", 4, "samplePercent", 10, "recordPolicy", "ALL"),
				Map.of("level", 1, "samplePercent", 0, "recordPolicy", "ALL"),
				Map.of("level", 1, "samplePercent", 101, "recordPolicy", "ALL"),
				Map.of("level", 1, "samplePercent", 10, "recordPolicy", "SOMETIMES"),
				Map.of("level", 1, "samplePercent", 10, "recordPolicy", "ALL'); DROP TABLE x; --") }) {
			ResponseEntity<String> response = this.http.exchange(path("seekdb", this.session.id()), HttpMethod.PUT,
					json(bad), String.class);
			assertThat(response.getStatusCode()).as("%s", bad).isEqualTo(HttpStatus.BAD_REQUEST);
		}
		assertThat(processlistTrace(this.session.id())).isEqualTo(before);
	}

	@Test
	void engineRefusalsBecomeClearMessages() {
		JdbcClient jdbc = this.targets.require("seekdb").jdbc();
		var dialect = this.snapshots.dialect(this.targets.require("seekdb"));
		SQLException unknown = engineError(() -> dialect.enableTrace(jdbc, 4294967290L, 1, new BigDecimal("0.5"), "ALL"));
		assertThat(unknown.getErrorCode()).isEqualTo(4179);
		Sentence notHeld = TraceService.failure(4294967290L, unknown, null, "TARGET").message();
		assertThat(notHeld.code()).isEqualTo("trace.failed.notHeld");
		assertThat(this.sentences.english(notHeld))
			.startsWith("The observer that ran the call does not hold session 4294967290");
		SQLException wrong = engineError(
				() -> dialect.enableTrace(jdbc, this.session.id(), 1, new BigDecimal("0.5"), "BOGUS"));
		assertThat(wrong.getErrorCode()).isEqualTo(1210);
		assertThat(this.sentences.english(TraceService.failure(1, wrong, null, "TARGET").message()))
			.startsWith("The engine refused the trace setting: error 1210");
		// Switching off a session that has no tracing of its own.
		Map<String, Object> result = delete("seekdb", this.session.id());
		assertThat(result).containsEntry("outcome", "FAILED");
		assertThat((String) result.get("message")).contains("no tracing of its own");
	}

	@Test
	void engineWithoutTracingOffersNoEnable() throws SQLException {
		try (TestSession onSeekdb14 = TestSession.idle(LocalEngines.seekdb(SeekdbRelease.V1_4));
				TestSession onMariadb = TestSession.idle(LocalEngines.mariadb())) {
			assertThat(get("seekdb14", onSeekdb14.id())).containsEntry("supported", false);
			assertThat((String) get("seekdb14", onSeekdb14.id()).get("reason")).contains("1235");
			assertThat(put("seekdb14", onSeekdb14.id(), Map.of("level", 1, "samplePercent", 10, "recordPolicy", "ALL")))
				.containsEntry("outcome", "REFUSED");
			assertThat(get("mariadb", onMariadb.id())).containsEntry("supported", false);
			assertThat(put("mariadb", onMariadb.id(), Map.of("level", 1, "samplePercent", 10, "recordPolicy", "ALL")))
				.containsEntry("outcome", "REFUSED");
		}
	}

	@Test
	void anEndedSessionIsAlreadyEnded() {
		assertThat(put("seekdb", 4294967290L, Map.of("level", 1, "samplePercent", 10, "recordPolicy", "ALL")))
			.containsEntry("outcome", "ALREADY_ENDED");
		assertThat(this.http.getForEntity(path("seekdb", 4294967290L), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private Map<String, Object> processlistTrace(long id) {
		return JdbcClient.create(this.targets.require("seekdb").connections())
			.sql("SELECT LEVEL, SAMPLE_PERCENTAGE, RECORD_POLICY FROM oceanbase.GV$OB_PROCESSLIST WHERE ID = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> listedSession(long id) {
		Map<String, Object> body = this.http.getForObject("/api/targets/seekdb/sessions?id=" + id, Map.class);
		return ((java.util.List<Map<String, Object>>) body.get("sessions")).get(0);
	}

	private static SQLException engineError(Runnable call) {
		try {
			call.run();
		}
		catch (DataAccessException ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof SQLException sql) {
					return sql;
				}
			}
		}
		throw new AssertionError("the engine accepted the call");
	}

	private static String path(String target, long id) {
		return "/api/targets/" + target + "/sessions/" + Long.toUnsignedString(id) + "/trace";
	}

	/** The API takes a change only with a JSON content type, so every change here sends one. */
	static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	private Map<String, Object> get(String target, long id) {
		return exchange(path(target, id), HttpMethod.GET, null);
	}

	private Map<String, Object> put(String target, long id, Map<String, Object> body) {
		return exchange(path(target, id), HttpMethod.PUT, body);
	}

	private Map<String, Object> delete(String target, long id) {
		return exchange(path(target, id), HttpMethod.DELETE, null);
	}

	private Map<String, Object> exchange(String path, HttpMethod method, Object body) {
		ResponseEntity<Map<String, Object>> response = this.http.exchange(path, method,
				(method != HttpMethod.GET) ? json(body) : null, new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(response.getStatusCode()).as("%s %s", method, path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

}
