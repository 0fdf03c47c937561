package com.obconsole.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.LocalServer;
import com.obconsole.session.PageClient.Page;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tenant Session page against a real seekdb: the test opens sessions of its own over JDBC and
 * looks at them, filters them and closes them through the page, as a DBA's browser would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SessionPageWebTests {

	static final String PAGE = "/targets/local-seekdb/sessions";

	static final String DATABASE = "session_page_db";

	static final String OTHER_USER = "page_viewer";

	static final String OTHER_PASSWORD = "Viewer_pw_1";

	static final String SLEEPER_SQL = "SELECT SLEEP(600) AS slept\n  /* the sleeper,\n     on three lines */";

	static final String HOSTILE_SQL = "SELECT SLEEP(600), '</textarea><script>alert(1)</script>\"x'";

	static final int DOWN_PORT = FreePorts.unused();

	static TestSession idle;

	static TestSession sleeper;

	static TestSession inTransaction;

	static TestSession hostile;

	static TestSession inDatabase;

	static TestSession otherUser;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		LocalServer seekdb = LocalEngines.seekdb();
		registry.add("console.targets[0].name", () -> "local-seekdb");
		registry.add("console.targets[0].url", seekdb::jdbcUrl);
		registry.add("console.targets[0].username", seekdb::username);
		registry.add("console.targets[0].password", seekdb::password);
		registry.add("console.targets[1].name", () -> "down");
		registry.add("console.targets[1].url", () -> "jdbc:mysql://127.0.0.1:" + DOWN_PORT + "/");
		registry.add("console.targets[1].username", () -> "root");
		registry.add("console.connection.connect-timeout", () -> "2s");
		// Every request reads the engine again: the sessions a test opens show at once.
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void openSessions() throws SQLException {
		LocalServer seekdb = LocalEngines.seekdb();
		try (Connection admin = seekdb.connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
			sql.execute("CREATE USER IF NOT EXISTS '" + OTHER_USER + "' IDENTIFIED BY '" + OTHER_PASSWORD + "'");
			sql.execute("GRANT SELECT ON *.* TO '" + OTHER_USER + "'");
		}
		idle = TestSession.idle(seekdb);
		sleeper = TestSession.running(seekdb, SLEEPER_SQL);
		inTransaction = TestSession.inTransaction(seekdb, DATABASE, "page_accounts");
		hostile = TestSession.running(seekdb, HOSTILE_SQL);
		inDatabase = TestSession.inDatabase(seekdb, DATABASE);
		otherUser = TestSession.idleAs(seekdb, OTHER_USER, OTHER_PASSWORD);
	}

	@AfterAll
	static void closeSessions() {
		TestSession.closeAll(idle, sleeper, inTransaction, hostile, inDatabase, otherUser);
	}

	@Autowired
	TestRestTemplate http;

	private PageClient client;

	/** One signed-in browser per test: its session carries the CSRF token its forms hold. */
	PageClient client() {
		if (this.client == null) {
			this.client = new PageClient(this.http);
		}
		return this.client;
	}

	@Test
	void pageListsTheSessionsWithTheirValues() {
		Page page = client().page(PAGE + "?size=200");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.doc().select("#sessions thead th").stream().map((th) -> {
			Element label = th.selectFirst(".sort-link span");
			return (label != null) ? label.text() : th.text();
		})).containsExactly("", "Session ID", "SQL", "SQL ID", "User", "Source", "Database", "Command",
				"Execution Time (s)", "Status", "OBServer", "OBProxy", "Actions");
		assertThat(page.ids()).contains(idle.idText(), sleeper.idText(), inTransaction.idText(), hostile.idText(),
				inDatabase.idText(), otherUser.idText());

		Element running = page.row(sleeper.id());
		assertThat(running.selectFirst("td.session-id").text()).isEqualTo(sleeper.idText());
		assertThat(running.selectFirst(".sql-preview").text())
			.isEqualTo("SELECT SLEEP(600) AS slept /* the sleeper, on three lines */");
		assertThat(running.selectFirst("a.view-sql").attr("href")).isEqualTo(PAGE + "/" + sleeper.idText() + "/sql");
		assertThat(page.cell(sleeper.id(), "sql-id")).matches("[0-9A-F]{32}");
		assertThat(page.cell(sleeper.id(), "user")).isEqualTo("root");
		assertThat(page.cell(sleeper.id(), "source")).startsWith("127.0.0.1:");
		assertThat(page.cell(sleeper.id(), "command")).isEqualTo("Query");
		assertThat(running.selectFirst(".status-value").text()).isEqualTo("ACTIVE");
		assertThat(page.cell(sleeper.id(), "observer")).isEqualTo("127.0.0.1:" + LocalEngines.seekdb().port());
		assertThat(page.cell(sleeper.id(), "proxy")).isEmpty();
		assertThat(page.cell(sleeper.id(), "time")).matches("\\d+(\\.\\d)?");

		assertThat(page.cell(idle.id(), "command")).isEqualTo("Sleep");
		assertThat(page.row(idle.id()).selectFirst(".status-value").text()).isEqualTo("SLEEP");
		assertThat(page.row(idle.id()).select("a.view-sql")).isEmpty();
		assertThat(page.cell(idle.id(), "database")).isEmpty();
		assertThat(page.cell(inDatabase.id(), "database")).isEqualTo(DATABASE);
		assertThat(page.cell(otherUser.id(), "user")).isEqualTo(OTHER_USER);

		assertThat(Integer.parseInt(page.text("#figure-total"))).isGreaterThanOrEqualTo(6);
		assertThat(Integer.parseInt(page.text("#figure-active"))).isGreaterThanOrEqualTo(2);
		assertThat(page.text("#snapshot-time")).matches("as of \\d\\d:\\d\\d:\\d\\d");
		// A page carries the whole UI: the dialog to fill and the script, loaded from the console itself.
		assertThat(page.doc().select("#session-dialog")).hasSize(1);
		assertThat(page.doc().select("script[src]").eachAttr("src")).contains("/js/sessions.js");
		assertThat(page.doc().select("script:not([src])")).isEmpty();
		assertThat(page.html()).doesNotContain(" style=").doesNotContain(" onclick=");
	}

	@Test
	void anHtmxRequestGetsOnlyTheTableRegion() {
		Page fragment = client().fragment(PAGE);
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.html().strip()).startsWith("<div id=\"session-region\"").endsWith("</div>");
		assertThat(fragment.html()).doesNotContain("<html", "navbar", "session-dialog\" tabindex", "sessions.js");
		assertThat(fragment.ids()).contains(idle.idText());
		assertThat(fragment.headers().getVary()).contains("HX-Request");
	}

	@Test
	void filtersNarrowTheRows() {
		PageClient client = client();
		assertThat(client.page(PAGE + "?id=" + sleeper.idText()).ids()).containsExactly(sleeper.idText());
		assertThat(client.page(PAGE + "?user=" + "VIEWER").ids()).containsExactly(otherUser.idText());
		String source = client.page(PAGE + "?size=200").cell(idle.id(), "source");
		assertThat(client.page(PAGE + "?source=" + source).ids()).containsExactly(idle.idText());
		assertThat(client.page(PAGE + "?database=PAGE_db").ids()).containsExactly(inDatabase.idText());

		Page active = client.page(PAGE + "?activeOnly=true&size=200");
		assertThat(active.ids()).contains(sleeper.idText(), hostile.idText()).doesNotContain(idle.idText());
		assertThat(active.doc().select("#sessions .status-value").eachText()).containsOnly("ACTIVE");
		assertThat(active.doc().selectFirst("#activeOnly").hasAttr("checked")).isTrue();
		assertThat(active.doc().select(".filter-chip").eachAttr("data-filter")).containsExactly("activeOnly");
	}

	@Test
	void sortAndPageLinksCarryTheFilterState() {
		Page page = client().page(PAGE + "?user=root&activeOnly=true&size=1&refresh=5");
		assertThat(page.status()).isEqualTo(200);
		String userSort = page.doc().selectFirst("th[data-column=user] a.sort-link").attr("href");
		assertThat(userSort).contains("user=root", "activeOnly=true", "size=1", "refresh=5", "sort=user",
				"direction=asc");
		String timeSort = page.doc().selectFirst("th[data-column=time] a.sort-link").attr("href");
		// Sorted by execution time, longest first, by default: the header flips it.
		assertThat(page.doc().selectFirst("th[data-column=time]").attr("aria-sort")).isEqualTo("descending");
		assertThat(timeSort).contains("sort=time", "direction=asc", "user=root");
		assertThat(page.text("#session-range")).matches("rows 1–1 of \\d+");
		String next = page.doc().selectFirst("a.page-next").attr("href");
		assertThat(next).contains("user=root", "activeOnly=true", "size=1", "refresh=5", "page=2");
		assertThat(page.doc().selectFirst("#session-region").attr("hx-get")).contains("user=root", "refresh=5");
		assertThat(page.doc().select("#refresh option[selected]").eachAttr("value")).containsExactly("5");

		Page second = client().page(next);
		assertThat(second.text("#session-range")).matches("rows 2–2 of \\d+");
		assertThat(second.doc().selectFirst("a.page-previous").attr("href")).doesNotContain("page=");

		Page ascending = client().page(PAGE + "?sort=id&direction=asc&size=200");
		List<Long> ids = ascending.ids().stream().map(Long::parseUnsignedLong).toList();
		assertThat(ids).isSorted();
		assertThat(ascending.doc().selectFirst("th[data-column=id] .sort-indicator").text()).isEqualTo("▲");
	}

	@Test
	void badParametersShowTheErrorBesideTheFilter() {
		Page badId = client().page(PAGE + "?id=12ab");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.text("#session-error")).contains("id: a session id is a whole number");
		assertThat(badId.doc().selectFirst("#search-id").hasClass("is-invalid")).isTrue();
		assertThat(badId.doc().selectFirst("#search-id").attr("value")).isEqualTo("12ab");

		Page badUser = client().page(PAGE + "?user=" + "u".repeat(300));
		assertThat(badUser.status()).isEqualTo(400);
		assertThat(badUser.text("th[data-column=user] .invalid-feedback")).isEqualTo("user: at most 256 characters");
		assertThat(badUser.doc().selectFirst("th[data-column=user] details").hasAttr("open")).isTrue();

		Page badSize = client().page(PAGE + "?size=0&user=root");
		assertThat(badSize.status()).isEqualTo(400);
		assertThat(badSize.text("#session-error")).contains("size: a whole number from 1 to 500");
		// The other filters stay; the bad one is dropped from what the form sends next.
		assertThat(badSize.doc().selectFirst("#search-user").attr("value")).isEqualTo("root");

		Page badSort = client().fragment(PAGE + "?sort=nonsense");
		assertThat(badSort.status()).isEqualTo(400);
		assertThat(badSort.text("#session-error")).contains("unknown sort column 'nonsense'");

		assertThat(client().page(PAGE + "?refresh=7").status()).isEqualTo(400);
		assertThat(client().page(PAGE + "?activeOnly=maybe").text("#session-error")).contains("activeOnly");
		assertThat(client().page(PAGE + "/abc/sql").status()).isEqualTo(400);
		assertThat(client().fragment(PAGE + "/confirm?kind=all&ids=1").text(".problem")).contains("kind");
	}

	@Test
	void unknownTargetIsA404Page() {
		Page page = client().page("/targets/no-such-target/sessions");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.text("#unknown-target")).isEqualTo("No target is named 'no-such-target'");
	}

	@Test
	void unreachableTargetShowsWhy() {
		Page page = client().page("/targets/down/sessions");
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.text("#session-unavailable")).contains("connection refused at 127.0.0.1:" + DOWN_PORT);
		assertThat(page.doc().select("#sessions")).isEmpty();
	}

	@Test
	void idleInTransactionHasTheOpenTransactionMark() {
		Page page = client().page(PAGE + "?size=200");
		Element row = page.row(inTransaction.id());
		assertThat(row.hasClass("table-warning")).isTrue();
		assertThat(row.select(".mark-open-transaction").eachText()).containsExactly("open transaction");
		assertThat(page.row(idle.id()).select(".mark-open-transaction")).isEmpty();
		assertThat(page.text("#session-legend")).contains("open transaction", "rolls the transaction back",
				"long-running", "longer than 60 s");
	}

	@Test
	void hostileSqlArrivesEscaped() {
		String escaped = "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;x";
		Page list = client().page(PAGE + "?size=200");
		assertThat(list.html()).contains(escaped).doesNotContain("<script>alert(1)");
		assertThat(list.row(hostile.id()).selectFirst(".sql-preview").text()).isEqualTo(HOSTILE_SQL);

		Page sql = client().fragment(PAGE + "/" + hostile.idText() + "/sql");
		assertThat(sql.html()).contains(escaped).doesNotContain("<script>alert(1)");
		assertThat(sql.text("#sql-text")).isEqualTo(HOSTILE_SQL);

		Page confirm = client().fragment(PAGE + "/confirm?kind=query&ids=" + hostile.idText());
		assertThat(confirm.html()).contains(escaped).doesNotContain("<script>alert(1)");
	}

	@Test
	void viewSqlShowsTheWholeTextWithItsLineBreaksAndWhatIdentifiesIt() {
		Page sql = client().fragment(PAGE + "/" + sleeper.idText() + "/sql");
		assertThat(sql.status()).isEqualTo(200);
		assertThat(sql.doc().selectFirst("pre#sql-text").wholeText()).isEqualTo(SLEEPER_SQL);
		assertThat(sql.text("#sql-id")).matches("[0-9A-F]{32}");
		assertThat(sql.text("#sql-trace-id")).isNotBlank().isNotEqualTo("—");
		assertThat(sql.text("#sql-user")).isEqualTo("root");
		assertThat(sql.doc().select("button[data-copy-target=#sql-text]")).hasSize(1);

		Page ended = client().fragment(PAGE + "/999999999/sql");
		assertThat(ended.text("#sql-ended")).isEqualTo("Session 999999999 has ended: it is no longer in the session list.");

		Page fullPage = client().page(PAGE + "/" + sleeper.idText() + "/sql");
		assertThat(fullPage.doc().select("html nav.navbar")).hasSize(1);
		assertThat(fullPage.doc().selectFirst("pre#sql-text").wholeText()).isEqualTo(SLEEPER_SQL);
	}

	@Test
	void confirmationListsTheChosenSessions() {
		Page confirm = client().fragment(PAGE + "/confirm?kind=session&ids=" + idle.idText() + "&ids="
				+ inTransaction.idText() + "&ids=999999999");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.doc().select(".confirm-sessions tbody tr").eachAttr("data-session-id"))
			.containsExactly(idle.idText(), inTransaction.idText(), "999999999");
		Element transaction = confirm.doc().selectFirst(".confirm-sessions tr[data-session-id=" + inTransaction.idText() + "]");
		assertThat(transaction.text()).contains("root", "closing it rolls its transaction back");
		Element ended = confirm.doc().selectFirst(".confirm-sessions tr[data-session-id=999999999]");
		assertThat(ended.text()).contains("already ended");
		FormElement form = confirm.form("form.confirm-close");
		assertThat(form.attr("method")).isEqualTo("post");
		assertThat(form.attr("action")).isEqualTo(PAGE + "/close");
		// Only sessions still there are posted, each with what the DBA saw of it.
		assertThat(form.select("input[name=ids]").eachAttr("value")).containsExactly(idle.idText(),
				inTransaction.idText());
		assertThat(form.selectFirst("input[name=seen[" + idle.idText() + "].user]").attr("value")).isEqualTo("root");
	}

	@Test
	void closeCurrentQueryInterruptsTheStatementAndKeepsTheConnection() throws SQLException {
		try (TestSession session = TestSession.running(LocalEngines.seekdb(), SLEEPER_SQL)) {
			Page confirm = client().fragment(PAGE + "/confirm?kind=query&ids=" + session.idText());
			Page results = client().submit(confirm.form("form.confirm-close"));
			assertThat(results.status()).isEqualTo(200);
			assertThat(results.results()).containsExactly(entry(session.idText(), "CLOSED"));
			assertThat(results.text(".close-result .outcome")).isEqualTo("CLOSED");
			assertThat(results.text(".close-result .message")).contains("stays connected");
			assertThat(session.statementEnds(Duration.ofSeconds(15))).isTrue();
			assertThat(session.isUsable()).isTrue();
		}
	}

	@Test
	void closeSessionEndsTheConnection() throws SQLException {
		try (TestSession session = TestSession.idle(LocalEngines.seekdb())) {
			Page confirm = client().fragment(PAGE + "/confirm?kind=session&ids=" + session.idText());
			Page results = client().submit(confirm.form("form.confirm-close"));
			assertThat(results.results()).containsExactly(entry(session.idText(), "CLOSED"));
			assertThat(results.text(".close-result .route")).isEqualTo("route TARGET");
			assertThat(session.isUsable()).isFalse();
		}
	}

	@Test
	void aBatchOfTwoGivesTwoResultLines() throws SQLException {
		try (TestSession first = TestSession.idle(LocalEngines.seekdb());
				TestSession second = TestSession.idle(LocalEngines.seekdb())) {
			Page confirm = client()
				.fragment(PAGE + "/confirm?kind=session&ids=" + first.idText() + "&ids=" + second.idText());
			Page results = client().submit(confirm.form("form.confirm-close"));
			assertThat(results.results()).containsExactly(entry(first.idText(), "CLOSED"),
					entry(second.idText(), "CLOSED"));
			assertThat(first.isUsable()).isFalse();
			assertThat(second.isUsable()).isFalse();
		}
	}

	@Test
	void aSessionThatNowRunsOtherSqlIsRefused() throws SQLException {
		try (TestSession session = TestSession.running(LocalEngines.seekdb(), SLEEPER_SQL)) {
			Page confirm = client().fragment(PAGE + "/confirm?kind=session&ids=" + session.idText());
			FormElement form = confirm.form("form.confirm-close");
			form.selectFirst("input[name=seen[" + session.idText() + "].sql]")
				.attr("value", CloseForm.encode("SELECT 'something else'"));
			form.selectFirst("input[name=seen[" + session.idText() + "].sqlId]").attr("value", "");
			form.selectFirst("input[name=seen[" + session.idText() + "].traceId]").attr("value", "");
			Page results = client().submit(form);
			assertThat(results.results()).containsExactly(entry(session.idText(), "REFUSED"));
			assertThat(session.isStatementRunning()).isTrue();
		}
	}

	static java.util.Map.Entry<String, String> entry(String key, String value) {
		return java.util.Map.entry(key, value);
	}

}
