package com.obconsole.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A close or tracing change done in one language is audited with its code, and reads in whichever
 * language the reader asks for; the CSV keeps English and the code. Chinese here comes from a small
 * test bundle (test-messages/codes_zh_CN.properties) named ahead of the console's own, so that this
 * holds before the zh-CN bundle exists and whatever it says. Target gone is down: its close fails,
 * and is audited, without an engine; target maria is a real MariaDB for a refused stale close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.messages.basename=test-messages/codes,messages/messages")
@AutoConfigureTestRestTemplate
@AutoConfigureMockMvc
class AuditLanguageWebTests {

	static final String CHINESE = "zh-CN";

	static final String ENGLISH = "en";

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.registerDown(registry, 0, "gone", FreePorts.unused());
		TestTargets.register(registry, 1, "maria", LocalEngines.mariadb());
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
		registry.add("console.connection.connect-timeout", () -> "1s");
	}

	@Autowired
	TestRestTemplate anonymous;

	@Autowired
	AuditTrail trail;

	@Autowired
	MockMvc mvc;

	@Test
	@SuppressWarnings("unchecked")
	void aCloseInChineseIsAnsweredInChineseAndReadBackInEnglishAndTheOtherWayRound() throws Exception {
		Map<String, Object> chinese = close("4201", CHINESE);
		assertThat(chinese).containsEntry("outcome", "FAILED").containsEntry("code", "close.unreachable");
		// Why, too: the connection's failure is a sentence of its own, said in the same language.
		assertThat((String) chinese.get("message")).startsWith("无法连接 gone 以检查会话 4201：无法连接目标 'gone'：")
			.contains(" 拒绝连接（等待 1 s）")
			.doesNotContain("refused");
		Map<String, Object> english = close("4202", ENGLISH);
		assertThat(english).containsEntry("code", "close.unreachable");
		assertThat((String) english.get("message")).startsWith("Could not reach gone to check session 4202: ");

		Map<String, Map<String, Object>> inEnglish = audited(ENGLISH);
		assertThat(inEnglish.get("4201")).containsEntry("messageCode", "close.unreachable");
		assertThat((String) inEnglish.get("4201").get("message"))
			.startsWith("Could not reach gone to check session 4201: Target 'gone' is unreachable: connection refused at ");
		assertThat((List<Object>) inEnglish.get("4201").get("messageArguments")).startsWith("gone", "4201");
		Map<String, Map<String, Object>> inChinese = audited(CHINESE);
		assertThat((String) inChinese.get("4202").get("message")).startsWith("无法连接 gone 以检查会话 4202：");
		assertThat((String) inChinese.get("4201").get("message")).isEqualTo(chinese.get("message"));

		assertThat(page("/audit?target=gone", CHINESE)).contains("无法连接 gone 以检查会话 4202")
			.doesNotContain("Could not reach gone");
		assertThat(page("/audit?target=gone", ENGLISH)).contains("Could not reach gone to check session 4201")
			.doesNotContain("无法连接");
		String csv = page("/audit.csv?target=gone", CHINESE);
		assertThat(csv).contains("Could not reach gone to check session 4201").contains(",close.unreachable\r\n")
			.doesNotContain("无法连接");
	}

	@Test
	void aStaleCloseRefusedInChineseReadsInEnglishInTheTrail() throws Exception {
		try (TestSession sleeping = TestSession.running(LocalEngines.mariadb(), "SELECT SLEEP(600)")) {
			Instant start = Instant.now();
			ResponseEntity<Map<String, Object>> response = this.anonymous
				.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD)
				.exchange("/api/targets/maria/sessions/" + sleeping.idText() + "/close", HttpMethod.POST,
						body(Map.of("sql", "SELECT 1 /* what the DBA saw */"), CHINESE),
						new ParameterizedTypeReference<Map<String, Object>>() {
						});
			assertThat(response.getBody()).containsEntry("outcome", "REFUSED").containsEntry("code", "close.stale.sql");
			assertThat((String) response.getBody().get("message")).startsWith("会话 " + sleeping.idText() + " 现在运行的 SQL")
				.contains("SELECT SLEEP(600)");
			assertThat(sleeping.isStatementRunning()).isTrue();
			assertThat(this.trail.find(new AuditQuery(start, null, null, "maria", null, "REFUSED", 0, 10)).records())
				.singleElement()
				.satisfies((r) -> {
					assertThat(r.messageCode()).isEqualTo("close.stale.sql");
					assertThat(r.message()).startsWith("Session " + sleeping.idText() + " now runs other SQL than shown");
				});
		}
	}

	@Test
	void aTracingChangeInChineseIsAuditedWithItsCode() throws Exception {
		ResponseEntity<Map<String, Object>> response = this.anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD)
			.exchange("/api/targets/gone/sessions/4203/trace", HttpMethod.PUT,
					body(Map.of("level", 1, "samplePercent", 50, "recordPolicy", "ALL"), CHINESE),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
		assertThat(response.getBody()).containsEntry("outcome", "REFUSED")
			.containsEntry("code", "trace.unsupported.notReached")
			.containsEntry("message", "尚未连接到该目标。");
		assertThat(audited(ENGLISH).get("4203")).containsEntry("messageCode", "trace.unsupported.notReached")
			.containsEntry("message", "The target has not been reached yet.")
			.containsEntry("detailCode", "trace.audit.detail")
			.containsEntry("detail", "old: unknown; new: level 1, 50%, ALL");
		// The old and new settings read in the reader's language too; the CSV keeps English.
		assertThat(audited(CHINESE).get("4203")).containsEntry("detail", "原设置：未知；新设置：级别 1，50%，ALL");
		assertThat(page("/audit.csv?target=gone", CHINESE)).contains("old: unknown; new: level 1, 50%, ALL")
			.doesNotContain("原设置");
	}

	@Test
	void theCsvHeaderIsInTheReadersLanguageAndItsColumnsKeepTheirPlaces() throws Exception {
		String chinese = page("/audit.csv?target=nobody-here", CHINESE);
		assertThat(chinese).startsWith("时间(UTC),操作人,目标,租户,会话 ID,OBServer,用户,来源,数据库名,SQL ID,操作,路径,执行结果,"
				+ "消息(英文),详情(英文),SQL 文本,消息代码\r\n");
		String english = page("/audit.csv?target=nobody-here", ENGLISH);
		assertThat(english).isEqualTo(String.join(",", AuditCsv.HEADER) + "\r\n");
	}

	@Test
	void aRecordWrittenBeforeCodesReadsAsStoredInEitherLanguage() {
		this.trail.record(new AuditRecord(Instant.now(), "alice", "gone", null, "4204", null, null, null, null, null,
				null, AuditAction.CLOSE_SESSION, "TARGET", "CLOSED", "Session 4204 closed.", null));
		assertThat(audited(CHINESE).get("4204")).containsEntry("message", "Session 4204 closed.")
			.containsEntry("messageCode", null);
	}

	@Test
	void aProblemHasItsCodeAndADetailInTheCallersLanguage() {
		ResponseEntity<Map<String, Object>> unknown = this.anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD)
			.exchange("/api/targets/nowhere/sessions/1/close", HttpMethod.POST, body(null, CHINESE),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).containsEntry("code", "target.unknown").containsEntry("detail", "没有名为 'nowhere' 的目标");
		ResponseEntity<Map<String, Object>> english = this.anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD)
			.exchange("/api/targets/nowhere/sessions/1/close", HttpMethod.POST, body(null, ENGLISH),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
		assertThat(english.getBody()).containsEntry("code", "target.unknown").containsEntry("detail", "No target is named 'nowhere'");
		ResponseEntity<Map<String, Object>> badId = this.anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD)
			.exchange("/api/targets/gone/sessions/12ab/close", HttpMethod.POST, body(null, ENGLISH),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
		assertThat(badId.getBody()).containsEntry("code", "input.sessionId").containsEntry("parameter", "id");
		ResponseEntity<Map<String, Object>> anonymous = this.anonymous.exchange("/api/audit", HttpMethod.GET,
				body(null, ENGLISH), new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getBody()).containsEntry("code", "api.signIn");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aTargetsErrorFollowsTheCallersLanguageAndKeepsItsCode() {
		close("4205", ENGLISH);
		for (String language : List.of(CHINESE, ENGLISH)) {
			List<Map<String, Object>> targets = get("/api/targets", language, List.class).getBody();
			assertThat(targets).filteredOn((t) -> "gone".equals(t.get("name"))).singleElement().satisfies((gone) -> {
				assertThat(gone).containsEntry("reachable", false).containsEntry("errorCode", "target.problem.refused");
				assertThat((String) gone.get("error"))
					.startsWith(language.equals(CHINESE) ? "127.0.0.1:" : "connection refused at 127.0.0.1:");
			});
		}
		assertThat(((List<Map<String, Object>>) get("/api/targets", CHINESE, List.class).getBody()))
			.filteredOn((t) -> "gone".equals(t.get("name")))
			.singleElement()
			.satisfies((gone) -> assertThat((String) gone.get("error")).endsWith(" 拒绝连接（等待 1 s）"));
	}

	private Map<String, Object> close(String id, String language) {
		ResponseEntity<Map<String, Object>> response = this.anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD)
			.exchange("/api/targets/gone/sessions/" + id + "/close", HttpMethod.POST, body(null, language),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	/** The audit trail of target gone as GET /api/audit answers it in a language, by session id. */
	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> audited(String language) {
		Map<String, Object> page = get("/api/audit?target=gone&size=100", language, Map.class).getBody();
		Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
		for (Map<String, Object> record : (List<Map<String, Object>>) page.get("records")) {
			byId.putIfAbsent((String) record.get("sessionId"), record);
		}
		return byId;
	}

	/** A page as a signed-in admin's browser gets it (pages take no Basic credentials). */
	private String page(String path, String language) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(path)
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.with(SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private <T> ResponseEntity<T> get(String path, String language, Class<T> type) {
		return this.anonymous.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD)
			.exchange(path, HttpMethod.GET, body(null, language), type);
	}

	private static HttpEntity<Object> body(Object body, String language) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		return new HttpEntity<>(body, headers);
	}

}
