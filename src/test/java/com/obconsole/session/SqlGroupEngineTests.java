package com.obconsole.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import com.obconsole.session.PageClient.Page;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
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
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions by SQL ID against a real engine: twenty sessions running one statement among others,
 * grouped on the statistics tab, filtered in the list, and closed as a group through the
 * confirmation, each still checked against what was seen. Each engine has a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
abstract class SqlGroupEngineTests {

	static final String TARGET = "engine";

	static final String GROUP_SQL = "SELECT SLEEP(600) /* the group */";

	static final String OTHER_SQL = "SELECT SLEEP(600) AS other_statement";

	static final int GROUP = 20;

	static final int ER_QUERY_INTERRUPTED = 1317;

	TestRestTemplate operator;

	TestRestTemplate viewer;

	@Autowired
	void signIn(TestRestTemplate anonymous) {
		this.operator = anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD);
		this.viewer = anonymous.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
	}

	final List<TestSession> group = new ArrayList<>();

	TestSession other;

	TestSession idle;

	static void registerTarget(DynamicPropertyRegistry registry, LocalServer server) {
		TestTargets.register(registry, 0, TARGET, server);
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
		// Smaller than the group, so that the confirmation offers the first ones and says so.
		registry.add("console.sessions.max-batch", () -> "15");
	}

	abstract LocalServer server();

	/** The tenant the engine's sessions are listed under in Session Management. */
	abstract String tenant();

	/** Whether the engine gives SQL IDs (OceanBase) or the console digests the text (MariaDB). */
	abstract boolean engineGivesSqlIds();

	@BeforeEach
	void openSessions() throws SQLException {
		for (int i = 0; i < GROUP; i++) {
			this.group.add(TestSession.running(server(), GROUP_SQL));
		}
		this.other = TestSession.running(server(), OTHER_SQL);
		this.idle = TestSession.idle(server());
	}

	@AfterEach
	void closeSessions() {
		this.group.forEach(TestSession::close);
		TestSession.closeAll(this.other, this.idle);
	}

	@Test
	void bySqlShowsTheGroupAndItsCountOpensTheListFilteredToIt() {
		Map<String, Object> row = groupRow();
		assertThat(row.get("sessions")).isEqualTo(GROUP);
		assertThat(row.get("active")).isEqualTo(GROUP);
		assertThat(row.get("sample")).isEqualTo(GROUP_SQL);
		assertThat(row.get("fromEngine")).isEqualTo(engineGivesSqlIds());
		assertThat((List<?>) row.get("users")).hasSize(1);
		assertThat(((Number) row.get("totalSeconds")).doubleValue())
			.isGreaterThanOrEqualTo(((Number) row.get("longestSeconds")).doubleValue());
		String sqlId = (String) row.get("sqlId");

		// The API list filtered to that SQL ID: exactly the twenty.
		Map<String, Object> list = this.viewer.exchange("/api/targets/" + TARGET + "/sessions?size=500&sqlId={s}",
				HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
				}, sqlId).getBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> sessions = (List<Map<String, Object>>) list.get("sessions");
		assertThat(sessions).extracting((s) -> s.get("id")).containsExactlyInAnyOrderElementsOf(groupIds());

		// The tab's count links to the Tenant Session tab filtered to it, and that list shows the twenty.
		PageClient pages = new PageClient(this.operator);
		Page tab = pages.page("/clusters/" + TARGET + "/tenants/" + tenant() + "/statistics");
		Element tr = tab.doc().selectFirst("#by-sql tr[data-sql-id=" + sqlId + "]");
		assertThat(tr).as(tab.html()).isNotNull();
		assertThat(tr.selectFirst(".sessions a").text()).isEqualTo(String.valueOf(GROUP));
		Page filtered = pages.page(tr.selectFirst(".sessions a").attr("href"));
		assertThat(filtered.ids()).containsExactlyInAnyOrderElementsOf(groupIds());
		assertThat(filtered.doc().selectFirst(".filter-chip[data-filter=sqlId]")).isNotNull();
	}

	@Test
	void closeQueriesOfTheGroupEndsExactlyTheFirstOnesAfterTheConfirmation() throws Exception {
		String sqlId = (String) groupRow().get("sqlId");
		PageClient pages = new PageClient(this.operator);
		Page confirm = pages.fragment(confirmUrl("query", sqlId));
		assertThat(confirm.status()).isEqualTo(200);
		// The cap is 15: the confirmation says the group is larger and lists the first 15.
		assertThat(confirm.doc().selectFirst("#confirm-group-truncated")).as(confirm.html()).isNotNull();
		List<String> listed = confirm.doc().select(".confirm-sessions tbody tr").eachAttr("data-session-id");
		assertThat(listed).hasSize(15).isSubsetOf(groupIds());
		assertThat(confirm.doc().select(".confirm-sessions tbody tr .user").eachText()).hasSize(15);
		// Nothing is closed by the confirmation itself.
		assertThat(this.group).allSatisfy((s) -> assertThat(s.isStatementRunning()).isTrue());

		Page results = pages.submit((FormElement) confirm.doc().selectFirst("form.confirm-close"));
		assertThat(results.results()).as(results.html()).hasSize(15).containsOnlyKeys(listed)
			.allSatisfy((id, outcome) -> assertThat(outcome).isEqualTo("CLOSED"));
		for (TestSession session : this.group) {
			if (listed.contains(session.idText())) {
				SQLException error = session.statementError(Duration.ofSeconds(20));
				assertThat(error == null ? null : error.getErrorCode()).as("session %s: %s", session.idText(), error)
					.isEqualTo(ER_QUERY_INTERRUPTED);
				assertThat(session.isUsable()).isTrue();
			}
			else {
				assertThat(session.isStatementRunning()).as("session %s", session.idText()).isTrue();
			}
		}
		assertThat(this.other.isStatementRunning()).isTrue();
		assertThat(this.idle.isUsable()).isTrue();
	}

	@Test
	void aSessionOfTheGroupThatMovedToOtherSqlIsRefusedWithTheReason() throws Exception {
		String sqlId = (String) groupRow().get("sqlId");
		PageClient pages = new PageClient(this.operator);
		Page confirm = pages.fragment(confirmUrl("session", sqlId));
		List<String> listed = confirm.doc().select(".confirm-sessions tbody tr").eachAttr("data-session-id");
		TestSession moved = this.group.stream().filter((s) -> listed.contains(s.idText())).findFirst().orElseThrow();
		try (Connection admin = server().connect(); Statement sql = admin.createStatement()) {
			sql.execute("KILL QUERY " + moved.idText());
		}
		moved.statementError(Duration.ofSeconds(20));
		moved.runInBackground("SELECT SLEEP(600) AS moved_on");

		Page results = pages.submit((FormElement) confirm.doc().selectFirst("form.confirm-close"));
		Map<String, String> outcomes = results.results();
		assertThat(outcomes).as(results.html()).hasSize(15).containsEntry(moved.idText(), "REFUSED");
		assertThat(outcomes).allSatisfy((id, outcome) -> assertThat(outcome)
			.isEqualTo(id.equals(moved.idText()) ? "REFUSED" : "CLOSED"));
		Element reason = results.doc().selectFirst(".close-result[data-session-id=" + moved.idText() + "]");
		assertThat(reason.text()).contains("now runs other SQL than shown").contains("moved_on");
		assertThat(moved.isStatementRunning()).isTrue();
	}

	@Test
	void aScriptClosesByIdsWithTheSqlIdEachMustStillRun() throws Exception {
		String sqlId = (String) groupRow().get("sqlId");
		List<TestSession> chosen = this.group.subList(0, 3);
		String ids = String.join(",", chosen.stream().map((s) -> "\"" + s.idText() + "\"").toList());
		String body = "{\"ids\":[" + ids + ",\"" + this.other.idText() + "\"],\"sqlId\":\"" + sqlId + "\"}";
		List<Map<String, Object>> results = this.operator.exchange("/api/targets/" + TARGET + "/sessions/close-query",
				HttpMethod.POST, SessionApiEngineTests.json(body), new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody();
		assertThat(results).extracting((r) -> r.get("outcome")).containsExactly("CLOSED", "CLOSED", "CLOSED", "REFUSED");
		assertThat((String) results.get(3).get("message")).contains("now runs other SQL than shown");
		for (TestSession session : chosen) {
			SQLException error = session.statementError(Duration.ofSeconds(20));
			assertThat(error == null ? null : error.getErrorCode()).isEqualTo(ER_QUERY_INTERRUPTED);
		}
		assertThat(this.other.isStatementRunning()).isTrue();
		assertThat(this.group.get(3).isStatementRunning()).isTrue();
	}

	@Test
	void viewersSeeTheGroupsButCannotCloseThem() {
		String sqlId = (String) groupRow().get("sqlId");
		Page tab = new PageClient(this.viewer, TestUsers.VIEWER)
			.page("/clusters/" + TARGET + "/tenants/" + tenant() + "/statistics");
		assertThat(tab.doc().selectFirst("#by-sql tr[data-sql-id=" + sqlId + "]")).isNotNull();
		assertThat(tab.doc().select(".close-group-queries, .close-group-sessions")).isEmpty();
		// A confirmation is only a view; what it posts is refused to a viewer, and nothing is closed.
		PageClient viewerPages = new PageClient(this.viewer, TestUsers.VIEWER);
		Page confirm = viewerPages.fragment(confirmUrl("query", sqlId));
		assertThat(viewerPages.submit((FormElement) confirm.doc().selectFirst("form.confirm-close")).status())
			.isEqualTo(HttpStatus.FORBIDDEN.value());
		assertThat(this.group).allSatisfy((s) -> assertThat(s.isStatementRunning()).isTrue());
	}

	String confirmUrl(String kind, String sqlId) {
		return "/targets/" + TARGET + "/sessions/confirm?kind=" + kind + "&sqlId=" + sqlId;
	}

	Map<String, Object> groupRow() {
		Map<String, Object> statistics = this.viewer.exchange("/api/targets/" + TARGET + "/sessions/statistics",
				HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
				}).getBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> bySql = (List<Map<String, Object>>) statistics.get("bySql");
		assertThat(bySql).as("%s", statistics).isNotEmpty();
		// The largest group comes first (sorted by active, then sessions).
		Map<String, Object> first = bySql.get(0);
		assertThat(bySql).filteredOn((g) -> OTHER_SQL.equals(g.get("sample"))).singleElement()
			.satisfies((g) -> assertThat(g.get("sessions")).isEqualTo(1));
		return first;
	}

	List<String> groupIds() {
		return this.group.stream().map(TestSession::idText).toList();
	}

}
