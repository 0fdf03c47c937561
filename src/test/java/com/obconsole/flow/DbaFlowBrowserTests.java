package com.obconsole.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.obconsole.browser.HeadlessChromium;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.SeekdbServer;
import com.obconsole.localengine.TestSession;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A DBA's whole flow in headless Chromium, against the real local seekdb 1.3 and real sessions
 * this test opens on it (users {@code app_rw} and {@code report}, databases {@code shop} and
 * {@code billing}: idle, running a long query, holding an open transaction): sign in through the
 * sign-in page; reach Session Management both ways by clicking; see every column; search by id;
 * sort by execution time; auto-refresh, pause and stop it; close a query and a session and let the
 * engine confirm it; cancel a close; the viewer's read-only list, where hostile SQL stays text;
 * Session Statistics and its drill-down. Screenshots of each screen go to
 * {@code target/screenshots/flow-*.png}; with {@code -Dscreenshots.docs=true} three of them are
 * also copied into {@code docs/} for the README. Skipped, saying so, where Chromium is not
 * installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DbaFlowBrowserTests {

	static final String CLUSTER = "local-seekdb";

	static final String TENANT = "sys";

	static final String USER_PASSWORD = "flow-Pw-1";

	/** A report that has waited on its query for a while: multi-line, as View SQL shows it. */
	static final String REPORT_SQL = "SELECT r.region, SLEEP(600) AS waiting\n  FROM billing.regions r\n"
			+ " WHERE r.region = 'EMEA' /* report: daily revenue by region */";

	static final String CHECKOUT_SQL = "SELECT o.id, o.status, SLEEP(600) AS waiting FROM shop.orders o WHERE o.id = 1002";

	static final String HOSTILE_SQL = "SELECT SLEEP(600), '</textarea><script>window.__pwned=1;alert(1)</script>"
			+ "<img src=x onerror=alert(2)>'";

	/** Where README's screenshots live, refreshed with -Dscreenshots.docs=true. */
	static final Path DOCS = Path.of("docs");

	static HeadlessChromium browser;

	static SeekdbServer seekdb;

	/** The sessions of the incident the DBA looks at, open for the whole class. */
	static final List<TestSession> incident = new ArrayList<>();

	static TestSession appIdle;

	static TestSession appTransaction;

	static TestSession appCheckout;

	static TestSession reportQuery;

	static TestSession rootIdle;

	static String signedInAs;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		SeekdbServer server = LocalEngines.seekdb(SeekdbRelease.V1_3);
		registry.add("console.targets[0].name", () -> CLUSTER);
		registry.add("console.targets[0].url", server::jdbcUrl);
		registry.add("console.targets[0].username", server::username);
		registry.add("console.targets[0].password", server::password);
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
		// A query running longer than this is marked long-running: seconds here, so that the
		// screenshots show the mark without a minute's wait.
		registry.add("console.sessions.long-running-threshold", () -> "3s");
	}

	@BeforeAll
	static void openIncidentAndBrowser(@LocalServerPort int port) throws SQLException {
		// A common laptop window, as the DBA sees the pages: the sticky Actions column keeps Close
		// Session in view, so the screenshots show what the DBA gets, not a wide screen's view.
		browser = HeadlessChromium.start("http://localhost:" + port, 1440, 900, 1.0);
		seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		prepareShop(seekdb);
		reportQuery = keep(TestSession.idleAs(seekdb, "report", USER_PASSWORD).use("billing"))
			.runInBackground(REPORT_SQL);
		appTransaction = keep(TestSession.idleAs(seekdb, "app_rw", USER_PASSWORD).use("shop"));
		appTransaction.connection().setAutoCommit(false);
		try (Statement sql = appTransaction.connection().createStatement()) {
			sql.execute("UPDATE shop.orders SET status = 'PAID' WHERE id = 1001");
		}
		appIdle = keep(TestSession.idleAs(seekdb, "app_rw", USER_PASSWORD).use("shop"));
		rootIdle = keep(TestSession.idle(seekdb));
		appCheckout = keep(TestSession.idleAs(seekdb, "app_rw", USER_PASSWORD).use("shop"))
			.runInBackground(CHECKOUT_SQL);
	}

	/**
	 * The incident's schema and users: shop.orders for the app, billing.regions for the report. The
	 * flow tests share one engine in a run, so both make exactly the same tables.
	 */
	static void prepareShop(SeekdbServer engine) throws SQLException {
		try (Connection root = engine.connect(); Statement sql = root.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS shop");
			sql.execute("CREATE TABLE IF NOT EXISTS shop.orders (id INT PRIMARY KEY, status VARCHAR(16), "
					+ "amount DECIMAL(12,2))");
			sql.execute("REPLACE INTO shop.orders VALUES (1001, 'NEW', 42.50), (1002, 'PAID', 19.90)");
			sql.execute("CREATE DATABASE IF NOT EXISTS billing");
			sql.execute("CREATE TABLE IF NOT EXISTS billing.regions (region VARCHAR(16) PRIMARY KEY)");
			sql.execute("REPLACE INTO billing.regions VALUES ('EMEA'), ('APAC')");
			for (String user : List.of("app_rw", "report")) {
				sql.execute("CREATE USER IF NOT EXISTS '" + user + "' IDENTIFIED BY '" + USER_PASSWORD + "'");
			}
			sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO 'app_rw'");
			sql.execute("GRANT SELECT ON billing.* TO 'report'");
		}
	}

	private static TestSession open(List<TestSession> opened) throws SQLException {
		TestSession session = TestSession.idle(seekdb);
		opened.add(session);
		return session;
	}

	private static TestSession keep(TestSession session) {
		incident.add(session);
		return session;
	}

	@AfterAll
	static void closeIncidentAndBrowser() {
		incident.forEach(TestSession::close);
		if (browser != null) {
			browser.close();
		}
	}

	/** Nothing the pages do may be refused by the console's Content-Security-Policy. */
	@AfterEach
	void noContentSecurityPolicyViolations() {
		assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
	}

	@Test
	void operatorSignsInAndReachesSessionManagementBothWaysByClicking() {
		browser.showSignIn();
		screenshot("sign-in");
		browser.submitSignIn(TestUsers.OPERATOR, TestUsers.PASSWORD);
		signedInAs = TestUsers.OPERATOR;
		assertThat(browser.find("#current-user").getText()).contains(TestUsers.OPERATOR, "OPERATOR");

		// Method 1: Clusters → the cluster → Real-time Diagnostics → Session Management.
		browser.click("nav.navbar a.nav-link[href$='/clusters']");
		browser.waitUntil((b) -> browser.isPresent("#clusters tr[data-cluster='" + CLUSTER + "']"));
		assertThat(browser.find("#clusters tr[data-cluster='" + CLUSTER + "'] td.status").getText())
			.contains("Reachable");
		screenshot("clusters");
		browser.click("#clusters tr[data-cluster='" + CLUSTER + "'] td.name a");
		browser.waitUntil((b) -> browser.isPresent("#cluster-tabs #tab-diagnostics"));
		assertThat(browser.find("#tab-overview").getAttribute("class")).contains("active");
		browser.click("#tab-diagnostics");
		awaitList();
		assertThat(browser.currentUrl()).contains("/clusters/" + CLUSTER + "/diagnostics/sessions?", "tenant=" + TENANT);
		assertThat(browser.texts("#breadcrumb li")).containsExactly("Clusters", CLUSTER, "Real-time Diagnostics",
				"Session Management");
		assertThat(browser.find("#tab-diagnostics").getAttribute("class")).contains("active");
		assertThat(browser.find("#tab-sessions").getAttribute("class")).contains("active");
		assertThat(new Select(browser.find("#tenant-select")).getFirstSelectedOption().getText()).isEqualTo(TENANT);
		assertThat(rowIds()).contains(incidentIds());
		awaitLongRunningMark();
		docsScreenshot("session-list");

		// Method 2: Tenants → the tenant's Overview → Session Management in its left navigation.
		browser.click("nav.navbar a.nav-link[href$='/tenants']");
		String tenantLink = ".tenant-group[data-cluster='" + CLUSTER + "'] tr[data-tenant='" + TENANT + "'] td.name a";
		browser.waitUntil((b) -> browser.isPresent(tenantLink));
		browser.click(tenantLink);
		browser.waitUntil((b) -> browser.isPresent("#tenant-nav #nav-sessions"));
		assertThat(browser.find("#nav-overview").getAttribute("class")).contains("active");
		assertThat(Integer.parseInt(browser.find("#figure-total").getText().replace(",", "")))
			.isGreaterThanOrEqualTo(incident.size());
		screenshot("tenant-overview");
		browser.click("#nav-sessions");
		awaitList();
		assertThat(browser.currentUrl()).contains("/clusters/" + CLUSTER + "/tenants/" + TENANT + "/sessions");
		assertThat(browser.find("#nav-sessions").getAttribute("class")).contains("active");
		assertThat(browser.find("#tab-sessions").getAttribute("class")).contains("active");
		assertThat(browser.isPresent("#tenant-select")).isFalse();
		assertThat(rowIds()).contains(incidentIds());
	}

	@Test
	void theListShowsEveryColumnSortsByExecutionTimeSearchesByIdAndShowsTheSql() {
		openList("");
		assertThat(columnLabels()).containsExactly("Session ID", "SQL", "SQL ID", "User", "Source", "Database",
				"Command", "Execution Time (s)", "Status", "OBServer", "OBProxy", "Actions");
		String report = row(reportQuery);
		assertThat(browser.find(report + " .sql-preview").getText()).isEqualTo(REPORT_SQL.replaceAll("\\s+", " "));
		assertThat(browser.find(report + " td.sql-id").getText()).isNotBlank();
		assertThat(browser.find(report + " td.user").getText()).isEqualTo("report");
		assertThat(browser.find(report + " td.source").getText()).matches("127\\.0\\.0\\.1:\\d+");
		assertThat(browser.find(report + " td.database").getText()).isEqualTo("billing");
		assertThat(browser.find(report + " td.command").getText()).isEqualTo("Query");
		assertThat(new BigDecimal(browser.find(report + " td.time").getText())).isNotNegative();
		assertThat(browser.find(report + " .status-value").getText()).isEqualTo("ACTIVE");
		assertThat(browser.find(report + " td.observer").getText()).matches("127\\.0\\.0\\.1:" + seekdb.port());
		assertThat(browser.find(row(appIdle) + " .status-value").getText()).isEqualTo("SLEEP");
		assertThat(browser.find(row(appIdle) + " td.database").getText()).isEqualTo("shop");
		assertThat(browser.texts(row(appTransaction) + " .mark-open-transaction")).containsExactly("open transaction");
		assertThat(browser.texts(row(appIdle) + " .mark-open-transaction")).isEmpty();

		// Execution time: one click sorts it shortest first, the next longest first.
		browser.click("th[data-column=time] a.sort-link");
		browser.waitUntil((b) -> "ascending".equals(browser.find("th[data-column=time]").getAttribute("aria-sort")));
		assertThat(browser.currentUrl()).contains("sort=time", "direction=asc");
		List<BigDecimal> ascending = executionTimes();
		assertThat(ascending).hasSizeGreaterThanOrEqualTo(incident.size()).isSortedAccordingTo(Comparator.naturalOrder());
		assertThat(ascending.get(0)).isLessThan(ascending.get(ascending.size() - 1));
		browser.click("th[data-column=time] a.sort-link");
		browser.waitUntil((b) -> "descending".equals(browser.find("th[data-column=time]").getAttribute("aria-sort")));
		assertThat(browser.currentUrl()).contains("sort=time", "direction=desc");
		List<BigDecimal> descending = executionTimes();
		assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(descending.get(0)).isGreaterThan(descending.get(descending.size() - 1));

		// View SQL: the whole text, its lines kept, with the session's user and database.
		browser.click(report + " a.view-sql");
		browser.waitUntil((b) -> browser.isPresent("#session-dialog.show #sql-text"));
		assertThat(browser.script("return document.getElementById('sql-text').textContent")).isEqualTo(REPORT_SQL);
		assertThat(browser.find("#sql-user").getText()).isEqualTo("report");
		assertThat(browser.find("#sql-database").getText()).isEqualTo("billing");
		docsScreenshot("view-sql");
		closeDialog();

		// Search by session ID: only that session is left.
		browser.find("#search-id").sendKeys(Long.toUnsignedString(appIdle.id()), Keys.ENTER);
		browser.waitUntil((b) -> b.getCurrentUrl().contains("id=" + Long.toUnsignedString(appIdle.id())));
		browser.waitUntil((b) -> rowIds().equals(List.of(Long.toUnsignedString(appIdle.id()))));
		assertThat(browser.texts(".active-filters .filter-chip")).hasSize(1);
	}

	@Test
	void autoRefreshShowsANewSessionWithoutReloadButNotWhilePausedOrOff() throws SQLException {
		openList("");
		// A mark on this document: a full page load would lose it.
		browser.script("window.__samePage = 'yes'");
		new Select(browser.find("#refresh")).selectByValue("2");
		browser.waitUntil((b) -> browser.isPresent("#session-region[data-refresh='2']"));
		assertThat(browser.currentUrl()).contains("refresh=2");
		browser.waitUntil((b) -> status().startsWith("Next refresh in"));

		List<TestSession> opened = new ArrayList<>();
		try {
			// On: the row of a session that appears shows by itself.
			TestSession arrived = open(opened);
			browser.waitUntil((b) -> rowIds().contains(Long.toUnsignedString(arrived.id())));

			// Paused: a session that appears meanwhile is not shown, until Resume.
			browser.click("#refresh-pause");
			assertThat(browser.find("#refresh-pause").getText()).isEqualTo("Resume");
			assertThat(status()).isEqualTo("Paused: press Resume.");
			String paused = snapshot();
			TestSession whilePaused = open(opened);
			HeadlessChromium.pause(Duration.ofMillis(5000));
			assertThat(snapshot()).isEqualTo(paused);
			assertThat(rowIds()).doesNotContain(Long.toUnsignedString(whilePaused.id()));
			browser.click("#refresh-pause");
			browser.waitUntil((b) -> rowIds().contains(Long.toUnsignedString(whilePaused.id())));

			// Off: nothing refreshes until the Refresh button is pressed.
			new Select(browser.find("#refresh")).selectByValue("0");
			browser.waitUntil((b) -> browser.isPresent("#session-region[data-refresh='0']"));
			assertThat(status()).isEqualTo("Auto-refresh is off.");
			assertThat(browser.find("#refresh-pause").isEnabled()).isFalse();
			String off = snapshot();
			TestSession whileOff = open(opened);
			HeadlessChromium.pause(Duration.ofMillis(5000));
			assertThat(snapshot()).isEqualTo(off);
			assertThat(rowIds()).doesNotContain(Long.toUnsignedString(whileOff.id()));
			browser.click("#refresh-now");
			browser.waitUntil((b) -> rowIds().contains(Long.toUnsignedString(whileOff.id())));
		}
		finally {
			opened.forEach(TestSession::close);
		}
		assertThat(browser.script("return window.__samePage")).isEqualTo("yes");
	}

	@Test
	void closeCurrentQueryEndsTheQueryAndKeepsTheConnection() throws Exception {
		try (TestSession sleeper = TestSession.idle(seekdb).use("shop").runInBackground(
				"SELECT SLEEP(600) AS waiting /* flow: close my query */")) {
			openList("&id=" + Long.toUnsignedString(sleeper.id()));
			browser.click(row(sleeper) + " .dropdown-toggle");
			browser.click(row(sleeper) + " a.close-query");
			awaitConfirmation(sleeper);
			assertThat(browser.find("#session-dialog-title").getText()).isEqualTo("Close Current Query");
			assertThat(browser.find("#session-dialog .confirm-sessions " + row(sleeper) + " pre.sql-confirm").getText())
				.contains("flow: close my query");
			screenshot("close-confirmation");
			browser.click("#session-dialog .confirm-submit");
			awaitOutcome(sleeper, "CLOSED");

			SQLException ended = sleeper.statementError(Duration.ofSeconds(10));
			assertThat((Throwable) ended).as("the statement's error").isNotNull();
			assertThat(ended.getErrorCode()).as("error code of %s", ended.getMessage()).isEqualTo(1317);
			assertThat(sleeper.isUsable()).isTrue();
			closeDialog();
		}
	}

	@Test
	void closeSessionEndsTheConnection() throws SQLException {
		try (TestSession victim = TestSession.idleAs(seekdb, "app_rw", USER_PASSWORD).use("shop")) {
			openList("&id=" + Long.toUnsignedString(victim.id()));
			browser.click(row(victim) + " a.close-session");
			awaitConfirmation(victim);
			assertThat(browser.find("#session-dialog-title").getText()).isEqualTo("Close Session");
			browser.click("#session-dialog .confirm-submit");
			awaitOutcome(victim, "CLOSED");

			await().atMost(Duration.ofSeconds(10)).until(() -> !isInProcesslist(victim));
			assertThat(victim.isUsable()).isFalse();
			closeDialog();
			// Closing the results refreshes the list: the session has gone from it too.
			browser.waitUntil((b) -> !browser.isPresent(row(victim)));
		}
	}

	@Test
	void cancelInTheConfirmationClosesNothing() throws Exception {
		try (TestSession survivor = TestSession.idle(seekdb)
			.runInBackground("SELECT SLEEP(600) AS waiting /* flow: survives cancel */")) {
			openList("&id=" + Long.toUnsignedString(survivor.id()));
			browser.click(row(survivor) + " a.close-session");
			awaitConfirmation(survivor);
			cancelDialog();
			browser.click(row(survivor) + " .dropdown-toggle");
			browser.click(row(survivor) + " a.close-query");
			awaitConfirmation(survivor);
			cancelDialog();

			// A KILL would have ended the statement by now.
			HeadlessChromium.pause(Duration.ofSeconds(2));
			assertThat(survivor.isStatementRunning()).isTrue();
			assertThat(processlistInfo(survivor)).contains("flow: survives cancel");
			assertThat(browser.isPresent("#close-results")).isFalse();
		}
	}

	@Test
	void tracingDialogOpensFromMore() throws SQLException {
		openList("&id=" + Long.toUnsignedString(reportQuery.id()));
		String report = row(reportQuery);
		browser.click(report + " .dropdown-toggle");
		browser.click(report + " a.trace-config");
		browser.waitUntil((b) -> browser.isPresent("#session-dialog.show form.trace-form"));
		assertThat(browser.find("#trace-session-id").getText()).isEqualTo(Long.toUnsignedString(reportQuery.id()));
		assertThat(browser.find("#trace-user").getText()).isEqualTo("report");
		assertThat(browser.find("#trace-observer").getText()).isEqualTo("127.0.0.1:" + seekdb.port());
		screenshot("tracing-dialog");
		cancelDialog();
	}

	@Test
	void viewerSeesNoActionsAndHostileSqlStaysText() throws SQLException {
		try (TestSession hostile = TestSession.idleAs(seekdb, "report", USER_PASSWORD).runInBackground(HOSTILE_SQL)) {
			openListAs(TestUsers.VIEWER, "");
			assertThat(browser.find("#current-user").getText()).contains(TestUsers.VIEWER, "VIEWER");
			assertThat(rowIds()).contains(incidentIds()).contains(Long.toUnsignedString(hostile.id()));
			assertThat(columnLabels()).doesNotContain("Actions");
			for (String control : List.of(".close-session", ".close-query", ".trace-config", ".dropdown-toggle",
					".row-select", "#select-all", ".selection-action", "#session-selection")) {
				assertThat(browser.findAll(control)).as(control).isEmpty();
			}

			String hostileRow = row(hostile);
			assertThat(browser.find(hostileRow + " .sql-preview").getText()).isEqualTo(HOSTILE_SQL);
			assertNoScriptRan();
			screenshot("viewer-session-list");
			browser.click(hostileRow + " a.view-sql");
			browser.waitUntil((b) -> browser.isPresent("#session-dialog.show #sql-text"));
			assertThat(browser.script("return document.getElementById('sql-text').textContent")).isEqualTo(HOSTILE_SQL);
			assertThat(browser.find("#sql-text").getText()).isEqualTo(HOSTILE_SQL);
			assertNoScriptRan();
			screenshot("viewer-view-sql");
			closeDialog();
		}
	}

	@Test
	void statisticsCountsLeadToTheListFilteredToThem() {
		openList("");
		browser.click("#tab-statistics");
		browser.waitUntil((b) -> browser.isPresent("#by-user"));
		assertThat(browser.currentUrl()).contains("/clusters/" + CLUSTER + "/diagnostics/statistics?", "tenant=" + TENANT);
		assertThat(browser.find("#tab-statistics").getAttribute("class")).contains("active");
		// The incident: app_rw has three sessions, one of them running; report one, running.
		assertThat(browser.find("#by-user tr[data-key='app_rw'] td.active").getText()).isEqualTo("1");
		assertThat(browser.find("#by-user tr[data-key='app_rw'] td.total").getText()).isEqualTo("3");
		assertThat(browser.find("#by-user tr[data-key='report'] td.active").getText()).isEqualTo("1");
		assertThat(browser.find("#by-database tr[data-key='shop'] td.total").getText()).isEqualTo("3");
		assertThat(browser.find("#by-database tr[data-key='billing'] td.active").getText()).isEqualTo("1");
		docsScreenshot("session-statistics");

		browser.click("#by-user tr[data-key='app_rw'] td.active a");
		awaitList();
		assertThat(browser.currentUrl()).contains("/clusters/" + CLUSTER + "/diagnostics/sessions?", "tenant=" + TENANT,
				"user=app_rw", "activeOnly=true");
		assertThat(browser.find("#tab-sessions").getAttribute("class")).contains("active");
		assertThat(browser.find("#activeOnly").isSelected()).isTrue();
		assertThat(rowIds()).containsExactly(Long.toUnsignedString(appCheckout.id()));

		browser.driver().navigate().back();
		browser.waitUntil((b) -> browser.isPresent("#by-user"));
		browser.click("#by-user tr[data-key='app_rw'] td.total a");
		awaitList();
		assertThat(browser.currentUrl()).contains("user=app_rw").doesNotContain("activeOnly");
		assertThat(rowIds()).containsExactlyInAnyOrder(Long.toUnsignedString(appIdle.id()),
				Long.toUnsignedString(appTransaction.id()), Long.toUnsignedString(appCheckout.id()));
	}

	/** Opens the Tenant Session tab through the cluster (a copied link), signed in as OPERATOR. */
	private static void openList(String query) {
		openListAs(TestUsers.OPERATOR, query);
	}

	private static void openListAs(String user, String query) {
		signInAs(user);
		browser.open("/clusters/" + CLUSTER + "/diagnostics/sessions?tenant=" + TENANT + query);
		awaitList();
	}

	private static void signInAs(String user) {
		if (!user.equals(signedInAs)) {
			browser.signIn(user, TestUsers.PASSWORD);
			signedInAs = user;
		}
	}

	private static void awaitList() {
		browser.waitUntil((b) -> browser.isPresent("#session-region #sessions"));
	}

	/** Waits for the long-running mark of the report's query, refreshing the list meanwhile. */
	private static void awaitLongRunningMark() {
		browser.waitUntil((b) -> {
			if (browser.isPresent(row(reportQuery) + " .mark-long-running")) {
				return true;
			}
			browser.click("#refresh-now");
			return false;
		});
	}

	private static void awaitConfirmation(TestSession session) {
		browser.waitUntil((b) -> browser.isPresent("#session-dialog.show .confirm-sessions " + row(session)));
	}

	private static void awaitOutcome(TestSession session, String outcome) {
		browser.waitUntil((b) -> browser.isPresent("#close-results .close-result[data-session-id='"
				+ Long.toUnsignedString(session.id()) + "'][data-outcome='" + outcome + "']"));
	}

	/** Leaves the dialog with its Cancel button. */
	private static void cancelDialog() {
		assertThat(browser.find("#session-dialog .modal-footer button.btn-secondary[data-bs-dismiss=modal]").getText())
			.isEqualTo("Cancel");
		browser.click("#session-dialog .modal-footer button.btn-secondary[data-bs-dismiss=modal]");
		browser.waitUntil((b) -> !browser.isPresent("#session-dialog.show"));
	}

	private static void closeDialog() {
		browser.click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
		browser.waitUntil((b) -> !browser.isPresent("#session-dialog.show"));
	}

	private static String row(TestSession session) {
		return "tr[data-session-id='" + Long.toUnsignedString(session.id()) + "']";
	}

	private static List<String> rowIds() {
		return browser.findAll("#sessions tbody tr[data-session-id]")
			.stream()
			.map((row) -> row.getDomAttribute("data-session-id"))
			.toList();
	}

	private static String[] incidentIds() {
		return incident.stream().map((session) -> Long.toUnsignedString(session.id())).toArray(String[]::new);
	}

	/** The labels of the list's column headers, without sort marks or the select-all box. */
	@SuppressWarnings("unchecked")
	private static List<String> columnLabels() {
		return (List<String>) browser.script("return Array.from(document.querySelectorAll('#sessions thead th'))"
				+ ".filter(function (th) { return !th.classList.contains('select-col'); })"
				+ ".map(function (th) { var label = th.querySelector('.sort-link > span');"
				+ " return (label || th).textContent.trim(); })");
	}

	private static List<BigDecimal> executionTimes() {
		return browser.texts("#sessions tbody td.time").stream().map(BigDecimal::new).toList();
	}

	private static String status() {
		return browser.find("#refresh-status").getText();
	}

	/** The instant of the snapshot the list shows: it changes with every refresh. */
	private static String snapshot() {
		return browser.find("#snapshot-time").getDomAttribute("datetime");
	}

	/** No injected script ran or exists: no alert open, no mark it set, no script or image element of it. */
	private static void assertNoScriptRan() {
		assertThatExceptionOfType(NoAlertPresentException.class)
			.isThrownBy(() -> browser.driver().switchTo().alert());
		assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
		assertThat(browser.script("return Array.from(document.querySelectorAll('script'))"
				+ ".filter(function (s) { return s.textContent.indexOf('__pwned') >= 0; }).length")).isEqualTo(0L);
		assertThat(browser.script("return document.querySelectorAll('img[src=\"x\"], [onerror]').length"))
			.isEqualTo(0L);
	}

	private static boolean isInProcesslist(TestSession session) throws SQLException {
		return processlistInfo(session) != null;
	}

	/** The session's SQL as GV$OB_PROCESSLIST shows it now ("" when idle), or null when it is not there. */
	private static String processlistInfo(TestSession session) throws SQLException {
		try (Connection root = seekdb.connect();
				PreparedStatement query = root
					.prepareStatement("SELECT COALESCE(INFO, '') FROM oceanbase.GV$OB_PROCESSLIST WHERE ID = ?")) {
			query.setLong(1, session.id());
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	private static void screenshot(String name) {
		browser.screenshot("flow-" + name);
	}

	/** A screenshot that README shows: copied into docs/ with -Dscreenshots.docs=true. */
	private static void docsScreenshot(String name) {
		Path shot = browser.screenshot("flow-" + name);
		if (Boolean.getBoolean("screenshots.docs")) {
			try {
				Files.createDirectories(DOCS);
				Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
