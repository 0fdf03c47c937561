package com.obconsole.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.obconsole.audit.AuditQuery;
import com.obconsole.audit.AuditTrail;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import com.obconsole.session.PageClient;
import com.obconsole.session.PageClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action of the console, page and API, against a live seekdb session: a value that is not
 * exactly a valid one (a control or invisible character, spaces, another case, a sign, a second
 * copy, too long, other digits than 0 to 9) is a 400 naming the parameter, and the session still
 * runs its statement, with nothing audited. The exact input still acts, so refusing everything fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class StrictActionInputTests {

	/** NUL, tab, line feed, carriage return, vertical tab, no-break space, zero-width space. */
	static final List<String> CONTROLS = List.of("\u0000", "\t", "\n", "\r", "\u000B", "\u00A0", "\u200B");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "seekdb", seekdb());
		// Every close re-reads the session; no snapshot hides a change between two requests.
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}

	static LocalServer seekdb() {
		return LocalEngines.seekdb(SeekdbRelease.V1_3);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	AuditTrail audit;

	final HttpClient raw = HttpClient.newHttpClient();

	TestSession victim;

	long audited;

	@BeforeEach
	void openVictim() throws SQLException {
		this.victim = TestSession.running(seekdb(), "SELECT SLEEP(600)");
		this.audited = auditCount();
	}

	@AfterEach
	void closeVictim() {
		TestSession.closeAll(this.victim);
	}

	@Test
	void thePageCloseFormTakesOnlyExactInput() throws Exception {
		PageClient page = new PageClient(this.http);
		String id = this.victim.idText();
		String url = "/targets/seekdb/sessions/close";

		// The reported case: a NUL after the kind, with a valid token, must not close the session.
		refusedOnPage(page.post(url, form("kind", "session\u0000", "ids", id)), "kind");
		for (String exact : List.of("session", "query")) {
			for (String bad : wordVariants(exact)) {
				refusedOnPage(page.post(url, form("kind", bad, "ids", id)), "kind");
			}
		}
		for (String bad : idVariants(id)) {
			refusedOnPage(page.post(url, form("kind", "session", "ids", bad)), "ids");
		}
		for (String bad : spellingVariants("sys")) {
			refusedOnPage(page.post(url, form("kind", "session", "tenant", bad, "ids", id)), "tenant");
		}
		refusedOnPage(page.post(url, form("kind", "session", "kind", "query", "ids", id)), "kind");
		refusedOnPage(page.post(url, form("kind", "session", "kind", "session", "ids", id)), "kind");
		refusedOnPage(page.post(url + "?kind=query", form("kind", "session", "ids", id)), "kind");
		refusedOnPage(page.post(url, form("kind", "session", "tenant", "sys", "tenant", "sys", "ids", id)), "tenant");
		refusedOnPage(page.post(url, form("kind", "session", "ids", id, "ids", id)), "ids");
		refusedOnPage(page.post(url, form("kind", "session", "ids", id, "seen[" + id + "].user", "root",
				"seen[" + id + "].user", "other")), "seen[" + id + "].user");
		refusedOnPage(page.post(url, form("kind", "session", "ids", id, "seen[" + id + "].sql",
				" " + Base64.getEncoder().encodeToString("SELECT SLEEP(600)".getBytes(StandardCharsets.UTF_8)))),
				"seen[" + id + "].sql");
		refusedOnPage(page.post(url, form("ids", id)), "kind");
		refusedOnPage(page.post(url, form("kind", "session")), "ids");

		// A well-formed name that is not the session's tenant (another case, a sign) is no syntax error:
		// the re-check compares it exactly and refuses, closing nothing (and audits the refusal).
		for (String other : List.of("SYS", "Sys", "+sys", "sys_")) {
			Page refused = page.post(url, form("kind", "session", "tenant", other, "ids", id));
			assertThat(refused.results()).as(other).containsExactly(Map.entry(id, "REFUSED"));
			assertThat(this.victim.statementEnds(Duration.ofMillis(20))).isFalse();
		}
		this.audited = auditCount();

		// The exact form acts: close query ends the statement and leaves the session, close session ends it.
		Page query = page.post(url, form("kind", "query", "tenant", "sys", "ids", id));
		assertThat(query.status()).isEqualTo(200);
		assertThat(query.results()).containsExactly(Map.entry(id, "CLOSED"));
		assertThat(this.victim.statementEnds(Duration.ofSeconds(20))).isTrue();
		assertThat(this.victim.isUsable()).isTrue();
		Page session = page.post(url, form("kind", "session", "ids", id));
		assertThat(session.results()).containsExactly(Map.entry(id, "CLOSED"));
		assertThat(this.victim.isUsable()).isFalse();
	}

	@Test
	void thePageTraceFormTakesOnlyExactInput() throws Exception {
		PageClient page = new PageClient(this.http);
		String id = this.victim.idText();
		String url = "/targets/seekdb/sessions/" + id + "/trace";
		Map<String, String> exact = Map.of("enabled", "true", "level", "1", "samplePercent", "10", "recordPolicy",
				"ALL");
		for (String parameter : exact.keySet()) {
			List<String> variants = parameter.equals("level") || parameter.equals("samplePercent")
					? idVariants(exact.get(parameter)) : wordVariants(exact.get(parameter));
			if (parameter.equals("samplePercent")) {
				// An empty percentage is the default, 10: valid.
				variants.remove("");
			}
			for (String bad : variants) {
				refusedOnPage(page.post(url, traceForm(exact, parameter, bad)), parameter);
			}
			MultiValueMap<String, String> twice = traceForm(exact, parameter, exact.get(parameter));
			twice.add(parameter, exact.get(parameter));
			refusedOnPage(page.post(url, twice), parameter);
		}
		for (String bad : List.of("0", "4", "1.0", "1e0", "٣")) {
			refusedOnPage(page.post(url, traceForm(exact, "level", bad)), "level");
		}
		for (String bad : List.of("0", "101", "1e1", "0x10", "10.00001", "NaN", "٣")) {
			refusedOnPage(page.post(url, traceForm(exact, "samplePercent", bad)), "samplePercent");
		}
		for (String bad : spellingVariants("sys")) {
			MultiValueMap<String, String> fields = traceForm(exact, "enabled", "true");
			fields.add("tenant", bad);
			refusedOnPage(page.post(url, fields), "tenant");
		}
		for (String bad : idVariants(id)) {
			Page answer = page.post("/targets/seekdb/sessions/" + encodePath(bad) + "/trace",
					traceForm(exact, "level", "1"));
			if (refusedBeforeTheConsole(bad)) {
				assertThat(answer.status()).isEqualTo(400);
				assertUntouched();
			}
			else {
				refusedOnPage(answer, "id");
			}
		}

		// With the switch off the settings are not used, but one given must still be exact.
		for (String parameter : List.of("level", "samplePercent", "recordPolicy")) {
			MultiValueMap<String, String> off = traceForm(exact, parameter, exact.get(parameter) + "\u0000");
			off.remove("enabled");
			refusedOnPage(page.post(url, off), parameter);
		}

		// The exact form acts: on with level 2, then off (the switch unticked sends no enabled).
		Page on = page.post(url, traceForm(exact, "level", "2"));
		assertThat(on.status()).isEqualTo(200);
		assertThat(on.doc().selectFirst(".trace-result").attr("data-outcome")).isEqualTo("ENABLED");
		MultiValueMap<String, String> offFields = traceForm(exact, "level", "2");
		offFields.remove("enabled");
		Page off = page.post(url, offFields);
		assertThat(off.doc().selectFirst(".trace-result").attr("data-outcome")).isEqualTo("DISABLED");
		assertThat(auditCount()).isEqualTo(this.audited + 2);
		assertThat(this.victim.isStatementRunning()).isTrue();
	}

	@Test
	void theApiCloseCallsTakeOnlyExactInput() throws Exception {
		String id = this.victim.idText();
		for (String action : List.of("close", "close-query")) {
			for (String bad : idVariants(id)) {
				refusedInPath(api("POST", "/api/targets/seekdb/sessions/" + encodePath(bad) + "/" + action, null), bad);
			}
			String path = "/api/targets/seekdb/sessions/" + id + "/" + action;
			for (String bad : spellingVariants("sys")) {
				refusedByApi(api("POST", path + "?tenant=" + encodePath(bad), null), "tenant");
			}
			refusedByApi(api("POST", path + "?tenant=sys&tenant=sys", null), "tenant");
			refusedByApi(api("POST", path, "{\"user\": \"root\", \"user\": \"other\"}"), "user");
			refusedByApi(api("POST", path, "{\"usr\": \"root\"}"), "usr");
			refusedByApi(api("POST", path, "{\"user\": 1}"), "user");
			refusedByApi(api("POST", path, "{\"user\": \"root\"} {}"), null);
		}

		// The exact calls act.
		Response query = api("POST", "/api/targets/seekdb/sessions/" + id + "/close-query?tenant=sys",
				"{\"user\": \"root\", \"sql\": \"SELECT SLEEP(600)\"}");
		assertThat(query.status()).isEqualTo(200);
		assertThat(query.json().get("outcome").asString()).isEqualTo("CLOSED");
		assertThat(this.victim.statementEnds(Duration.ofSeconds(20))).isTrue();
		assertThat(this.victim.isUsable()).isTrue();
		Response session = api("POST", "/api/targets/seekdb/sessions/" + id + "/close", null);
		assertThat(session.json().get("outcome").asString()).isEqualTo("CLOSED");
		assertThat(this.victim.isUsable()).isFalse();
	}

	@Test
	void theApiBatchCloseCallsTakeOnlyExactInput() throws Exception {
		String id = this.victim.idText();
		for (String action : List.of("close", "close-query")) {
			String path = "/api/targets/seekdb/sessions/" + action;
			for (String bad : idVariants(id)) {
				refusedByApi(api("POST", path, "{\"ids\": [" + jsonString(bad) + "]}"), "ids");
			}
			for (String bad : List.of("-" + id, id + ".0", id + "e0", "true", "null", "[" + id + "]", "{}",
					"\"" + id + "\", \"" + id + "\"", id + ", " + id, "\"" + id + "\", " + id)) {
				refusedByApi(api("POST", path, "{\"ids\": [" + bad + "]}"), "ids");
			}
			refusedByApi(api("POST", path, "{\"ids\": \"" + id + "\"}"), "ids");
			refusedByApi(api("POST", path, "{\"ids\": []}"), "ids");
			refusedByApi(api("POST", path, "{}"), "ids");
			refusedByApi(api("POST", path, "{\"ids\": [\"1\"], \"ids\": [\"" + id + "\"]}"), "ids");
			refusedByApi(api("POST", path + "?tenant=sys%00", "{\"ids\": [\"" + id + "\"]}"), "tenant");
		}

		// The exact calls act: an id as a string, then as a number.
		Response query = api("POST", "/api/targets/seekdb/sessions/close-query", "{\"ids\": [\"" + id + "\"]}");
		assertThat(query.status()).isEqualTo(200);
		assertThat(query.json().get(0).get("outcome").asString()).isEqualTo("CLOSED");
		assertThat(this.victim.statementEnds(Duration.ofSeconds(20))).isTrue();
		Response session = api("POST", "/api/targets/seekdb/sessions/close", "{\"ids\": [" + id + "]}");
		assertThat(session.json().get(0).get("outcome").asString()).isEqualTo("CLOSED");
		assertThat(this.victim.isUsable()).isFalse();
	}

	@Test
	void theApiTraceCallsTakeOnlyExactInput() throws Exception {
		String id = this.victim.idText();
		String path = "/api/targets/seekdb/sessions/" + id + "/trace";
		for (String bad : idVariants(id)) {
			String badPath = "/api/targets/seekdb/sessions/" + encodePath(bad) + "/trace";
			refusedInPath(api("PUT", badPath, "{\"level\": 1, \"samplePercent\": 10, \"recordPolicy\": \"ALL\"}"), bad);
			refusedInPath(api("DELETE", badPath, null), bad);
		}
		for (String bad : wordVariants("ALL")) {
			refusedByApi(api("PUT", path, "{\"level\": 1, \"recordPolicy\": " + jsonString(bad) + "}"), "recordPolicy");
		}
		for (String bad : List.of("\"1\"", "1.0", "1.5", "true", "null", "[1]", "0", "4")) {
			refusedByApi(api("PUT", path, "{\"level\": " + bad + ", \"recordPolicy\": \"ALL\"}"), "level");
		}
		for (String bad : List.of("\"10\"", "true", "[10]", "0", "101", "-10")) {
			refusedByApi(api("PUT", path, "{\"level\": 1, \"samplePercent\": " + bad + ", \"recordPolicy\": \"ALL\"}"),
					"samplePercent");
		}
		refusedByApi(api("PUT", path, "{\"level\": 1, \"level\": 3, \"recordPolicy\": \"ALL\"}"), "level");
		refusedByApi(api("PUT", path, "{\"level\": 1, \"recordPolicy\": \"ALL\", \"recordPolicy\": \"ALL\"}"),
				"recordPolicy");
		refusedByApi(api("PUT", path, "{\"level\": 1, \"recordPolicy\": \"ALL\", \"levels\": 3}"), "levels");

		// The exact calls act.
		Response on = api("PUT", path, "{\"level\": 2, \"samplePercent\": 50, \"recordPolicy\": \"ALL\"}");
		assertThat(on.status()).isEqualTo(200);
		assertThat(on.json().get("outcome").asString()).isEqualTo("ENABLED");
		Response off = api("DELETE", path, null);
		assertThat(off.json().get("outcome").asString()).isEqualTo("DISABLED");
		assertThat(auditCount()).isEqualTo(this.audited + 2);
		assertThat(this.victim.isStatementRunning()).isTrue();
	}

	/** A name's wrong spellings: control and invisible characters, spaces, length. */
	static List<String> spellingVariants(String exact) {
		List<String> variants = common(exact);
		variants.removeIf((v) -> v.startsWith("+") || v.startsWith("-"));
		return variants;
	}

	/** A word's wrong spellings: control and invisible characters, spaces, other cases, signs, length. */
	static List<String> wordVariants(String exact) {
		Set<String> variants = new LinkedHashSet<>(common(exact));
		variants.add(exact.toUpperCase(Locale.ROOT));
		variants.add(exact.toLowerCase(Locale.ROOT));
		variants.add(Character.toUpperCase(exact.charAt(0)) + exact.substring(1).toLowerCase(Locale.ROOT));
		variants.add(exact.substring(0, 1).toLowerCase(Locale.ROOT) + exact.substring(1).toUpperCase(Locale.ROOT));
		variants.remove(exact);
		return new ArrayList<>(variants);
	}

	/** A number's wrong spellings: as a word's, plus leading zeros, other digits, and out of range. */
	static List<String> idVariants(String exact) {
		Set<String> variants = new LinkedHashSet<>(common(exact));
		variants.add("0" + exact);
		variants.add(arabicIndic(exact));
		variants.add(exact.replace('1', '１').replace('0', '０').replace('2', '２'));
		variants.add("9".repeat(20));
		variants.add("9223372036854775808");
		variants.add("");
		variants.remove(exact);
		return new ArrayList<>(variants);
	}

	private static List<String> common(String exact) {
		List<String> variants = new ArrayList<>();
		for (String c : CONTROLS) {
			variants.add(exact + c);
			variants.add(c + exact);
			variants.add(exact.substring(0, 1) + c + exact.substring(1));
		}
		variants.add(" " + exact);
		variants.add(exact + " ");
		variants.add("+" + exact);
		variants.add("-" + exact);
		variants.add(exact + "x".repeat(300));
		variants.add(exact.repeat(2000));
		return variants;
	}

	private static String arabicIndic(String digits) {
		StringBuilder text = new StringBuilder();
		for (char c : digits.toCharArray()) {
			text.append((c >= '0' && c <= '9') ? (char) ('\u0660' + (c - '0')) : c);
		}
		return text.toString();
	}

	private void refusedOnPage(Page answer, String parameter) throws Exception {
		assertThat(answer.status()).as("status for %s", parameter).isEqualTo(400);
		String problem = answer.text(".problem");
		boolean inProblem = problem != null && problem.startsWith(parameter + ": ");
		boolean besideField = answer.doc().selectFirst(".trace-field[data-field=" + parameter + "] .invalid-feedback") != null;
		assertThat(inProblem || besideField).as("names %s: %s", parameter, (problem != null) ? problem : answer.html())
			.isTrue();
		assertUntouched();
	}

	/**
	 * Refused before the console reads the request: Tomcat answers a NUL or an address over its 8 KB
	 * limit with its own 400 page; Spring Security's firewall refuses an encoded CR or LF and an empty
	 * segment ("//"), which the API answers as a problem detail.
	 */
	static boolean refusedBeforeTheConsole(String pathValue) {
		return pathValue.isEmpty() || pathValue.contains("\u0000") || pathValue.contains("\r")
				|| pathValue.contains("\n") || pathValue.length() > 4000;
	}

	private void refusedInPath(Response answer, String id) throws Exception {
		if (!refusedBeforeTheConsole(id)) {
			refusedByApi(answer, "id");
			return;
		}
		assertThat(answer.status()).isEqualTo(400);
		if (!id.contains("\u0000") && id.length() <= 4000) {
			refusedByApi(answer, null);
		}
		assertUntouched();
	}

	private void refusedByApi(Response answer, String parameter) throws Exception {
		assertThat(answer.status()).as("status: %s", answer.body()).isEqualTo(400);
		JsonNode problem = answer.json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		if (parameter != null) {
			assertThat(problem.path("parameter").asString()).as(answer.body()).isEqualTo(parameter);
			assertThat(problem.get("detail").asString()).as(answer.body()).startsWith(parameter + ": ");
		}
		assertUntouched();
	}

	/** The session still runs its statement, and no action was recorded. */
	private void assertUntouched() throws Exception {
		assertThat(this.victim.statementEnds(Duration.ofMillis(20))).as("the session's statement still runs").isFalse();
		assertThat(auditCount()).as("audit records").isEqualTo(this.audited);
	}

	private long auditCount() {
		return this.audit.find(AuditQuery.all(0, 1)).total();
	}

	private static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.add(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	private static MultiValueMap<String, String> traceForm(Map<String, String> exact, String parameter, String value) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		exact.forEach((name, v) -> fields.add(name, name.equals(parameter) ? value : v));
		return fields;
	}

	/** Percent-encodes every byte but letters and digits, so the server decodes exactly the text. */
	static String encodePath(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}

	static String jsonString(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	private Response api(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.http.getRootUri() + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((TestUsers.OPERATOR + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json, application/problem+json");
		if (!"GET".equals(method)) {
			// Every change through the API says it is JSON, body or not (ApiOriginGuard).
			request.header("Content-Type", "application/json");
		}
		if (json != null) {
			request.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body) {

		JsonNode json() {
			assertThat(this.body).as("a JSON answer").doesNotStartWith("<");
			return JSON.readTree(this.body);
		}

	}

}
