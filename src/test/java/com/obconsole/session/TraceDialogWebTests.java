package com.obconsole.session;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.obconsole.audit.AuditQuery;
import com.obconsole.audit.AuditRecord;
import com.obconsole.audit.AuditTrail;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestTargets;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.security.TestUsers;
import com.obconsole.session.PageClient.Page;
import com.obconsole.targets.Targets;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full link tracking configuration on the Tenant Session page: the item under More and its dialog,
 * against a real seekdb 1.3 (which traces sessions), seekdb 1.4 and MariaDB (which cannot). Each
 * test opens sessions of its own and changes their tracing through the dialog's form, as a DBA's
 * browser would, then reads GV$OB_PROCESSLIST to see what the engine did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class TraceDialogWebTests {

	static final String PAGE = "/targets/seekdb/sessions";

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "seekdb", LocalEngines.seekdb(SeekdbRelease.V1_3));
		TestTargets.register(registry, 1, "seekdb14", LocalEngines.seekdb(SeekdbRelease.V1_4));
		TestTargets.register(registry, 2, "mariadb", LocalEngines.mariadb());
		// Every request reads the engine again: a change shows in the list at once.
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}


	@Autowired
	TestRestTemplate http;

	@Autowired
	Targets targets;

	@Autowired
	AuditTrail audit;

	private PageClient client;

	/** One signed-in browser per test: its session carries the CSRF token its forms hold. */
	PageClient client() {
		if (this.client == null) {
			this.client = new PageClient(this.http);
		}
		return this.client;
	}

	static LocalServer seekdb() {
		return LocalEngines.seekdb(SeekdbRelease.V1_3);
	}

	static String dialogUrl(String target, TestSession session) {
		return "/targets/" + target + "/sessions/" + session.idText() + "/trace";
	}

	@Test
	void theItemUnderMoreOpensTheDialogWithTheSessionAndItsCurrentSetting() throws SQLException {
		try (TestSession session = TestSession.idle(seekdb())) {
			Page list = client().page(PAGE + "?id=" + session.idText());
			Element item = list.row(session.id()).selectFirst(".dropdown-menu a.trace-config");
			assertThat(item.text()).isEqualTo("Full link tracking configuration");
			assertThat(item.attr("href")).isEqualTo(dialogUrl("seekdb", session));
			assertThat(item.attr("hx-get")).isEqualTo(dialogUrl("seekdb", session));
			assertThat(item.attr("hx-target")).isEqualTo("#session-dialog-content");

			Page dialog = client().fragment(dialogUrl("seekdb", session));
			assertThat(dialog.status()).isEqualTo(200);
			assertThat(dialog.html()).doesNotContain("<html", "navbar");
			assertThat(dialog.text("#trace-session-id")).isEqualTo(session.idText());
			assertThat(dialog.text("#trace-user")).isEqualTo("root");
			assertThat(dialog.text("#trace-source")).startsWith("127.0.0.1:");
			// What the engine shows now: seekdb 1.3 traces every session at the tenant's level by default,
			// and the dialog says that this is the tenant's setting, not one of the session's own.
			Map<String, Object> engine = processlistTrace(session.id());
			if (((Number) engine.get("LEVEL")).intValue() > 0) {
				assertThat(dialog.text("#trace-current-level")).isEqualTo(engine.get("LEVEL").toString());
				assertThat(dialog.text("#trace-current-sample")).isEqualTo(engine.get("SAMPLE_PERCENTAGE") + "%");
				assertThat(dialog.text("#trace-current-policy")).isEqualTo(engine.get("RECORD_POLICY"));
				assertThat(dialog.doc().selectFirst("#trace-current-source").attr("data-tenant-wide")).isEqualTo("true");
				assertThat(dialog.text("#trace-current-source")).startsWith("The tenant's setting");
			}
			else {
				assertThat(dialog.text("#trace-current-off")).isEqualTo("off");
			}
			// The switch is on only for a setting of the session's own.
			assertThat(dialog.doc().selectFirst("#trace-enabled").hasAttr("checked")).isFalse();

			FormElement form = dialog.form("form.trace-form");
			assertThat(form.attr("method")).isEqualTo("post");
			assertThat(form.attr("action")).isEqualTo(dialogUrl("seekdb", session));
			assertThat(form.select("input[name=_csrf]")).hasSize(1);
			assertThat(form.select("input[name=level]").eachAttr("value")).containsExactly("1", "2", "3");
			assertThat(form.selectFirst("label[for=trace-level-1]").text()).startsWith("Level 1").contains("coarsest");
			assertThat(form.selectFirst("label[for=trace-level-3]").text()).startsWith("Level 3").contains("finest");
			assertThat(form.selectFirst("label[for=trace-policy-ONLY_SLOW_QUERY]").text()).contains("slow queries");
			assertThat(form.select("input[name=recordPolicy]").eachAttr("value")).containsExactly("ALL",
					"ONLY_SLOW_QUERY", "SAMPLE_AND_SLOW_QUERY");
			assertThat(form.selectFirst("input[name=samplePercent]").attr("type")).isEqualTo("number");
			assertThat(form.selectFirst("input[name=enabled]").attr("role")).isEqualTo("switch");

			// Without htmx the dialog is a page of its own.
			Page page = client().page(dialogUrl("seekdb", session));
			assertThat(page.doc().select("nav.navbar")).hasSize(1);
			assertThat(page.text("#trace-session-id")).isEqualTo(session.idText());
			assertThat(page.doc().select("script:not([src])")).isEmpty();
			assertThat(page.html()).doesNotContain(" style=");
		}
	}

	@Test
	void enablingThroughTheFormTracesTheSessionAndTheListShowsTheBadge() throws SQLException {
		try (TestSession session = TestSession.idle(seekdb())) {
			Page result = submit(session, true, "2", "50", "ALL");
			assertThat(result.status()).isEqualTo(200);
			Element line = result.doc().selectFirst("#trace-results .trace-result");
			assertThat(line.attr("data-session-id")).isEqualTo(session.idText());
			assertThat(line.attr("data-outcome")).isEqualTo("ENABLED");
			assertThat(line.selectFirst(".outcome").text()).isEqualTo("ENABLED");
			assertThat(line.selectFirst(".outcome").hasClass("text-bg-success")).isTrue();
			assertThat(line.selectFirst(".message").text()).contains("level 2, 50%, ALL");
			assertThat(line.selectFirst(".route").text()).isEqualTo("route TARGET");
			// Closing the result refreshes the list.
			assertThat(result.doc().select("[data-sessions-changed]")).hasSize(1);

			assertThat(processlistTrace(session.id())).containsEntry("LEVEL", 2L)
				.containsEntry("SAMPLE_PERCENTAGE", 50L)
				.containsEntry("RECORD_POLICY", "ALL");
			Page list = client().page(PAGE + "?id=" + session.idText());
			assertThat(list.row(session.id()).select(".mark-traced").eachText()).containsExactly("traced L2 50% ALL");

			// The dialog opens on the new setting.
			Page again = client().fragment(dialogUrl("seekdb", session));
			assertThat(again.text("#trace-current-level")).isEqualTo("2");
			assertThat(again.text("#trace-current-sample")).isEqualTo("50%");
			assertThat(again.text("#trace-current-policy")).isEqualTo("ALL");
			assertThat(again.text("#trace-current-source")).isEqualTo("A setting of this session's own.");
			assertThat(again.doc().selectFirst("#trace-enabled").hasAttr("checked")).isTrue();
			assertThat(again.doc().selectFirst("#trace-level-2").hasAttr("checked")).isTrue();
			assertThat(again.doc().selectFirst("#trace-sample").attr("value")).isEqualTo("50");
			assertThat(again.doc().selectFirst("#trace-policy-ALL").hasAttr("checked")).isTrue();
		}
	}

	@Test
	void switchingOffRemovesTheSessionsOwnSetting() throws SQLException {
		try (TestSession session = TestSession.idle(seekdb())) {
			assertThat(outcome(submit(session, true, "2", "50", "ALL"))).isEqualTo("ENABLED");

			Page result = submit(session, false, "2", "50", "ALL");
			assertThat(result.status()).isEqualTo(200);
			assertThat(outcome(result)).isEqualTo("DISABLED");
			assertThat(result.text("#trace-results .message")).contains("is off");
			// Off again, the session follows the tenant's setting, which seekdb 1.3 turns on by default.
			assertThat(processlistTrace(session.id())).doesNotContainEntry("LEVEL", 2L)
				.doesNotContainEntry("SAMPLE_PERCENTAGE", 50L)
				.doesNotContainEntry("RECORD_POLICY", "ALL");
			Page list = client().page(PAGE + "?id=" + session.idText());
			assertThat(list.row(session.id()).select(".mark-traced").eachText()).doesNotContain("traced L2 50% ALL");
		}
	}

	@Test
	void badSettingsComeBackInTheFormAndNeverReachTheEngine() throws SQLException {
		try (TestSession session = TestSession.idle(seekdb())) {
			Instant start = Instant.now();
			Map<String, Object> before = processlistTrace(session.id());
			record Bad(String level, String percent, String policy, String field, String message) {
			}
			List<Bad> bads = List.of(new Bad("0", "10", "ALL", "level", "the trace level is 1, 2 or 3"),
					new Bad("4", "10", "ALL", "level", "the trace level is 1, 2 or 3"),
					new Bad("2", "0", "ALL", "sample", "the sampling percentage is more than 0 and at most 100"),
					new Bad("2", "101", "ALL", "sample", "the sampling percentage is more than 0 and at most 100"),
					new Bad("2", "ten", "ALL", "sample", "the sampling percentage is more than 0 and at most 100"),
					new Bad("2", "10", "SOMETIMES", "policy",
							"use exactly ALL, ONLY_SLOW_QUERY or SAMPLE_AND_SLOW_QUERY"));
			for (Bad bad : bads) {
				Page answer = submit(session, true, bad.level(), bad.percent(), bad.policy());
				assertThat(answer.status()).as("%s", bad).isEqualTo(400);
				assertThat(answer.text("#trace-" + bad.field() + "-error")).as("%s", bad).isEqualTo(bad.message());
				assertThat(answer.doc().select(".is-invalid")).as("%s", bad).isNotEmpty();
				// The form comes back as posted, ready to correct.
				assertThat(answer.doc().selectFirst("#trace-sample").attr("value")).isEqualTo(bad.percent());
				assertThat(answer.doc().selectFirst("#trace-enabled").hasAttr("checked")).isTrue();
				assertThat(answer.doc().select("#trace-results")).isEmpty();
			}
			assertThat(processlistTrace(session.id())).isEqualTo(before);
			// Nothing reached the trace service, which audits every attempt, refused ones included.
			assertThat(auditedSince(start, session)).isEmpty();
		}
	}

	@Test
	void aViewerSeesNoTracingItemAndMayNotPost() throws SQLException {
		try (TestSession session = TestSession.idle(seekdb())) {
			PageClient viewer = new PageClient(this.http, TestUsers.VIEWER);
			Map<String, Object> before = processlistTrace(session.id());
			Page list = viewer.page(PAGE + "?id=" + session.idText());
			assertThat(list.row(session.id())).isNotNull();
			assertThat(list.doc().select(".trace-config")).isEmpty();

			// Opened by its URL, the dialog shows the setting but no form.
			Page dialog = viewer.fragment(dialogUrl("seekdb", session));
			assertThat(dialog.status()).isEqualTo(200);
			assertThat(dialog.text("#trace-session-id")).isEqualTo(session.idText());
			assertThat(dialog.doc().select("form.trace-form")).isEmpty();
			assertThat(dialog.text("#trace-read-only")).contains("OPERATOR");

			MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
			fields.add("enabled", "true");
			fields.add("level", "2");
			fields.add("samplePercent", "50");
			fields.add("recordPolicy", "ALL");
			Page refused = viewer.post(dialogUrl("seekdb", session), fields);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(processlistTrace(session.id())).isEqualTo(before);
		}
	}

	@Test
	void seekdb14AndMariaDbShowTheItemDisabledWithTheReason() throws SQLException {
		try (TestSession onSeekdb14 = TestSession.idle(LocalEngines.seekdb(SeekdbRelease.V1_4));
				TestSession onMariadb = TestSession.idle(LocalEngines.mariadb())) {
			assertDisabled("seekdb14", onSeekdb14, "1235");
			assertDisabled("mariadb", onMariadb, "MariaDB has no full-link tracing");

			// A post anyway (a stale page, a script) is refused by the service, not sent to the engine.
			MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
			fields.add("enabled", "true");
			fields.add("level", "1");
			fields.add("samplePercent", "10");
			fields.add("recordPolicy", "ALL");
			Page refused = client().post(dialogUrl("seekdb14", onSeekdb14), fields);
			assertThat(refused.status()).isEqualTo(200);
			assertThat(outcome(refused)).isEqualTo("REFUSED");
			assertThat(refused.text("#trace-results .route")).isEqualTo("route NONE");
		}
	}

	@Test
	void anEndedSessionOrABadIdSaysSo() {
		Page ended = client().fragment("/targets/seekdb/sessions/4294967290/trace");
		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.text("#trace-ended")).isEqualTo("Session 4294967290 has ended: it is no longer in the session list.");
		assertThat(ended.doc().select("form.trace-form")).isEmpty();

		Page badId = client().fragment("/targets/seekdb/sessions/12ab/trace");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.text(".problem")).contains("id: a session id is a whole number");

		assertThat(client().page("/targets/nowhere/sessions/1/trace").status()).isEqualTo(404);
	}

	private void assertDisabled(String target, TestSession session, String reason) {
		Page list = client().page("/targets/" + target + "/sessions?id=" + session.idText());
		Element row = list.row(session.id());
		assertThat(row).as(target).isNotNull();
		assertThat(row.select("a.trace-config")).as(target).isEmpty();
		Element item = row.selectFirst(".dropdown-menu .trace-config");
		assertThat(item.text()).isEqualTo("Full link tracking configuration");
		assertThat(item.hasClass("disabled")).isTrue();
		assertThat(item.attr("aria-disabled")).isEqualTo("true");
		assertThat(item.parent().attr("title")).as(target).contains(reason);
		assertThat(row.selectFirst(".trace-unsupported-reason").text()).contains(reason);

		Page dialog = client().fragment(dialogUrl(target, session));
		assertThat(dialog.status()).isEqualTo(200);
		assertThat(dialog.text("#trace-unsupported")).contains(reason);
		assertThat(dialog.doc().select("form.trace-form")).isEmpty();
	}

	/** Opens the dialog and submits its form as a DBA fills it in. */
	private Page submit(TestSession session, boolean on, String level, String percent, String policy) {
		Page dialog = client().fragment(dialogUrl("seekdb", session));
		FormElement form = dialog.form("form.trace-form");
		assertThat(form).isNotNull();
		Element toggle = form.selectFirst("input[name=enabled]");
		if (on) {
			toggle.attr("checked", "checked");
		}
		else {
			toggle.removeAttr("checked");
		}
		choose(form, "level", level);
		form.selectFirst("input[name=samplePercent]").attr("value", percent);
		choose(form, "recordPolicy", policy);
		return client().submit(form);
	}

	/** Ticks the radio button of the value, or, for a value the form does not offer, forges one. */
	private static void choose(FormElement form, String name, String value) {
		form.select("input[name=" + name + "]").forEach((radio) -> radio.removeAttr("checked"));
		Element radio = form.selectFirst("input[name=" + name + "][value=" + value + "]");
		if (radio == null) {
			radio = form.appendElement("input").attr("type", "radio").attr("name", name).attr("value", value);
		}
		radio.attr("checked", "checked");
	}

	private static String outcome(Page result) {
		return result.doc().selectFirst("#trace-results .trace-result").attr("data-outcome");
	}

	private Map<String, Object> processlistTrace(long id) {
		return JdbcClient.create(this.targets.require("seekdb").connections())
			.sql("SELECT LEVEL, SAMPLE_PERCENTAGE, RECORD_POLICY FROM oceanbase.GV$OB_PROCESSLIST WHERE ID = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	private List<AuditRecord> auditedSince(Instant start, TestSession session) {
		return this.audit.find(new AuditQuery(start, null, null, "seekdb", null, null, 0, 100))
			.records()
			.stream()
			.filter((r) -> session.idText().equals(r.sessionId()))
			.toList();
	}

}
