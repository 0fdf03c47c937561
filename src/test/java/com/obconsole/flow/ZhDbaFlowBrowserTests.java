package com.obconsole.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DBA's flow in headless Chromium set to zh-CN, against the real local seekdb 1.3: the sign-in
 * page, Session Management reached by clicking, the list, auto-refresh and its pauses, a close and
 * the tracing dialog, all in OCP's Chinese; the switch to English and back keeps the view. The
 * Tenant Session tab's screenshot goes to {@code target/screenshots/flow-zh-*.png}, and with
 * {@code -Dscreenshots.docs=true} to {@code docs/tenant-session-zh.png} for the README (the CI
 * installs Debian's fonts-noto-cjk so that it shows Chinese, not boxes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZhDbaFlowBrowserTests {

	static final String CLUSTER = "local-seekdb";

	static final String TENANT = "sys";

	static final String USER_PASSWORD = DbaFlowBrowserTests.USER_PASSWORD;

	static final String REPORT_SQL = "SELECT r.region, SLEEP(600) AS waiting FROM billing.regions r"
			+ " WHERE r.region = 'EMEA' /* 日报：按地区统计收入 */";

	static HeadlessChromium browser;

	static SeekdbServer seekdb;

	static final List<TestSession> incident = new ArrayList<>();

	static TestSession reportQuery;

	static TestSession appTransaction;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		SeekdbServer server = LocalEngines.seekdb(SeekdbRelease.V1_3);
		registry.add("console.targets[0].name", () -> CLUSTER);
		registry.add("console.targets[0].url", server::jdbcUrl);
		registry.add("console.targets[0].username", server::username);
		registry.add("console.targets[0].password", server::password);
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
		registry.add("console.sessions.long-running-threshold", () -> "3s");
	}

	@BeforeAll
	static void openIncidentAndBrowser(@LocalServerPort int port) throws SQLException {
		browser = HeadlessChromium.start("http://localhost:" + port, 1440, 900, 1.0, "zh-CN");
		seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		DbaFlowBrowserTests.prepareShop(seekdb);
		reportQuery = keep(TestSession.idleAs(seekdb, "report", USER_PASSWORD).use("billing"))
			.runInBackground(REPORT_SQL);
		appTransaction = keep(TestSession.idleAs(seekdb, "app_rw", USER_PASSWORD).use("shop"));
		appTransaction.connection().setAutoCommit(false);
		try (Statement sql = appTransaction.connection().createStatement()) {
			sql.execute("UPDATE shop.orders SET status = 'PAID' WHERE id = 1001");
		}
		keep(TestSession.idleAs(seekdb, "app_rw", USER_PASSWORD).use("shop"));
		keep(TestSession.idle(seekdb));
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

	@AfterEach
	void noContentSecurityPolicyViolations() {
		assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
	}

	@Test
	@Order(1)
	void signInAndReachSessionManagementByClickingInChinese() {
		browser.showSignIn();
		assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
		assertThat(browser.find("h1").getText()).isEqualTo("登录");
		assertThat(browser.find("label[for=username]").getText()).isEqualTo("用户名");
		assertThat(browser.find("#language-switch a.active").getText()).isEqualTo("中文");
		browser.screenshot("flow-zh-sign-in");
		browser.submitSignIn(TestUsers.OPERATOR, TestUsers.PASSWORD);

		browser.click("nav.navbar a.nav-link[href$='/clusters']");
		browser.waitUntil((b) -> browser.isPresent("#clusters tr[data-cluster='" + CLUSTER + "']"));
		assertThat(browser.find("#clusters tr[data-cluster='" + CLUSTER + "'] td.status").getText()).contains("可连接");
		browser.click("#clusters tr[data-cluster='" + CLUSTER + "'] td.name a");
		browser.waitUntil((b) -> browser.isPresent("#cluster-tabs #tab-diagnostics"));
		assertThat(browser.find("#tab-diagnostics").getText()).isEqualTo("实时诊断");
		browser.click("#tab-diagnostics");
		awaitList();
		assertThat(browser.texts("#breadcrumb li")).containsExactly("集群", CLUSTER, "实时诊断", "会话管理");
		assertThat(browser.find("#tab-sessions").getText()).isEqualTo("租户会话");
		assertThat(browser.find("#tab-statistics").getText()).isEqualTo("会话统计");
		assertThat(columnLabels()).containsExactly("会话 ID", "SQL", "SQL ID", "用户", "来源", "数据库名", "命令", "执行时间(s)",
				"状态", "OBServer", "OBProxy", "操作");
		assertThat(browser.find(row(reportQuery) + " .status-value").getText()).isEqualTo("ACTIVE");
		assertThat(browser.texts(row(appTransaction) + " .mark-open-transaction")).containsExactly("未提交事务");
		assertThat(browser.find("label[for=activeOnly]").getText()).isEqualTo("仅查看活跃会话");
		// As the reader sees them (getText applies CSS): a unit stays "(s)", not upper-cased to "(S)".
		assertThat(browser.texts(".figure-label")).contains("活跃会话最长时间(s)");
		awaitLongRunningMark();
		assertThat(browser.texts(row(reportQuery) + " .mark-long-running")).containsExactly("长时间运行");
		docsScreenshot("tenant-session-zh");
	}

	@Test
	@Order(2)
	void autoRefreshSaysWhyItWaitsInChinese() {
		openList("");
		new Select(browser.find("#refresh")).selectByValue("2");
		browser.waitUntil((b) -> browser.isPresent("#session-region[data-refresh='2']"));
		browser.waitUntil((b) -> status().matches("\\d+ 秒后刷新。"));
		browser.click("#refresh-pause");
		assertThat(browser.find("#refresh-pause").getText()).isEqualTo("继续");
		assertThat(status()).isEqualTo("自动刷新已暂停：点击“继续”恢复。");
		browser.click("#refresh-pause");
		assertThat(browser.find("#refresh-pause").getText()).isEqualTo("暂停");
		browser.click(row(appTransaction) + " .row-select");
		assertThat(browser.find("#selection-count").getText()).isEqualTo("已选 1 项");
		assertThat(status()).isEqualTo("自动刷新已暂停：已选中会话。");
		browser.click(row(appTransaction) + " .row-select");
		new Select(browser.find("#refresh")).selectByValue("0");
		browser.waitUntil((b) -> status().equals("自动刷新已关闭。"));
	}

	@Test
	@Order(3)
	void closeAQueryAndOpenTracingInChinese() throws SQLException {
		try (TestSession sleeper = TestSession.idle(seekdb).use("shop").runInBackground(
				"SELECT SLEEP(600) AS waiting /* zh flow: close my query */")) {
			openList("&id=" + Long.toUnsignedString(sleeper.id()));
			browser.click(row(sleeper) + " .dropdown-toggle");
			assertThat(browser.find(row(sleeper) + " a.close-query").getText()).isEqualTo("关闭当前查询");
			browser.click(row(sleeper) + " a.close-query");
			browser.waitUntil((b) -> browser.isPresent("#session-dialog.show .confirm-sessions " + row(sleeper)));
			assertThat(browser.find("#session-dialog-title").getText()).isEqualTo("关闭当前查询");
			assertThat(browser.find("#session-dialog .confirm-submit").getText()).isEqualTo("关闭当前查询");
			browser.screenshot("flow-zh-close-confirmation");
			browser.click("#session-dialog .confirm-submit");
			browser.waitUntil((b) -> browser.isPresent("#close-results .close-result[data-session-id='"
					+ Long.toUnsignedString(sleeper.id()) + "'][data-outcome='CLOSED']"));
			assertThat(browser.find("#session-dialog-title").getText()).isEqualTo("关闭当前查询：结果");
			closeDialog();
		}
		openList("&id=" + Long.toUnsignedString(reportQuery.id()));
		browser.click(row(reportQuery) + " .dropdown-toggle");
		assertThat(browser.find(row(reportQuery) + " a.trace-config").getText()).isEqualTo("全链路追踪配置");
		browser.click(row(reportQuery) + " a.trace-config");
		browser.waitUntil((b) -> browser.isPresent("#session-dialog.show form.trace-form"));
		assertThat(browser.find("#session-dialog-title").getText()).startsWith("全链路追踪配置");
		browser.screenshot("flow-zh-tracing-dialog");
		assertThat(browser.find("#session-dialog .modal-footer button.btn-secondary[data-bs-dismiss=modal]").getText())
			.isEqualTo("取消");
		closeDialog();
	}

	@Test
	@Order(4)
	void theSwitchGoesToEnglishAndBackKeepingTheView() {
		openList("&activeOnly=true");
		// A filter changed in the page (htmx pushes the URL): the switch keeps it too.
		browser.click("label[for=activeOnly]");
		browser.waitUntil((b) -> !b.getCurrentUrl().contains("activeOnly"));
		browser.click("label[for=activeOnly]");
		browser.waitUntil((b) -> b.getCurrentUrl().contains("activeOnly=true"));
		browser.waitUntil((b) -> browser.find("#language-switch a[data-lang='en']").getDomAttribute("href")
			.contains("activeOnly=true"));
		browser.click("#language-switch a[data-lang='en']");
		awaitList();
		assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
		assertThat(browser.currentUrl()).contains("tenant=" + TENANT, "activeOnly=true", "lang=en");
		assertThat(columnLabels()).startsWith("Session ID", "SQL");
		// The cookie keeps English on the next page, though the browser asks for Chinese.
		browser.open("/clusters");
		assertThat(browser.find("h1").getText()).isEqualTo("Clusters");
		browser.click("#language-switch a[data-lang='zh-CN']");
		browser.waitUntil((b) -> "集群".equals(browser.find("h1").getText()));
	}

	private static void openList(String query) {
		browser.open("/clusters/" + CLUSTER + "/diagnostics/sessions?tenant=" + TENANT + query);
		awaitList();
	}

	private static void awaitList() {
		browser.waitUntil((b) -> browser.isPresent("#session-region #sessions"));
	}

	private static void awaitLongRunningMark() {
		browser.waitUntil((b) -> {
			if (browser.isPresent(row(reportQuery) + " .mark-long-running")) {
				return true;
			}
			browser.click("#refresh-now");
			return false;
		});
	}

	private static void closeDialog() {
		browser.click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
		browser.waitUntil((b) -> !browser.isPresent("#session-dialog.show"));
	}

	private static String row(TestSession session) {
		return "tr[data-session-id='" + Long.toUnsignedString(session.id()) + "']";
	}

	private static String status() {
		return browser.find("#refresh-status").getText();
	}

	@SuppressWarnings("unchecked")
	private static List<String> columnLabels() {
		return (List<String>) browser.script("return Array.from(document.querySelectorAll('#sessions thead th'))"
				+ ".filter(function (th) { return !th.classList.contains('select-col'); })"
				+ ".map(function (th) { var label = th.querySelector('.sort-link > span');"
				+ " return (label || th).textContent.trim(); })");
	}

	private static void docsScreenshot(String name) {
		Path shot = browser.screenshot("flow-" + name);
		if (Boolean.getBoolean("screenshots.docs")) {
			try {
				Files.createDirectories(Path.of("docs"));
				Files.copy(shot, Path.of("docs", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
