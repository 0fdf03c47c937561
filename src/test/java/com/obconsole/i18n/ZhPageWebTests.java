package com.obconsole.i18n;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import com.obconsole.i18n.LanguageBrowser.Answer;
import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.SeekdbServer;
import com.obconsole.localengine.TestSession;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a DBA reads, asked for by a browser whose Accept-Language is zh-CN, against a real
 * seekdb 1.3 (which traces sessions) and a target that is down: OCP's Chinese labels, no
 * {@code ??key??}, none of the English bundle's sentences; and the same pages with
 * {@code ?lang=en} in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZhPageWebTests {

	static final String CLUSTER = "local-seekdb";

	static final String SESSIONS = "/targets/" + CLUSTER + "/sessions";

	static final int DOWN_PORT = FreePorts.unused();

	static final Set<String> ENGLISH = EnglishSentences.notIn("zh-CN");

	static TestSession sleeper;

	static TestSession idle;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		SeekdbServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		registry.add("console.targets[0].name", () -> CLUSTER);
		registry.add("console.targets[0].url", seekdb::jdbcUrl);
		registry.add("console.targets[0].username", seekdb::username);
		registry.add("console.targets[0].password", seekdb::password);
		registry.add("console.targets[1].name", () -> "down");
		registry.add("console.targets[1].url", () -> "jdbc:mysql://127.0.0.1:" + DOWN_PORT + "/");
		registry.add("console.targets[1].username", () -> "root");
		registry.add("console.connection.connect-timeout", () -> "1s");
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void openSessions() throws SQLException {
		SeekdbServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		sleeper = TestSession.running(seekdb, "SELECT SLEEP(600) AS zh_sleeper");
		idle = TestSession.idle(seekdb);
	}

	@AfterAll
	static void closeSessions() {
		TestSession.closeAll(sleeper, idle);
	}

	@LocalServerPort
	int port;

	LanguageBrowser chinese(String user) {
		return new LanguageBrowser("http://localhost:" + this.port, "zh-CN,zh;q=0.9,en;q=0.8").signIn(user);
	}

	@Test
	void signInPage() {
		Answer login = new LanguageBrowser("http://localhost:" + this.port, "zh-CN").get("/login");
		assertChinese(login, "登录", "用户名", "密码", "中文", "English");
		assertThat(login.doc().select("#language-switch a.active").text()).isEqualTo("中文");
		assertThat(login.doc().select("#language-switch a").eachAttr("href")).containsExactly("/login?lang=zh-CN",
				"/login?lang=en");
		assertEnglish(new LanguageBrowser("http://localhost:" + this.port, "zh-CN").get("/login?lang=en"), "Sign in",
				"Username", "Password");
	}

	@Test
	void tenantSessionTab() {
		String page = "/clusters/" + CLUSTER + "/diagnostics/sessions?tenant=sys&size=200";
		Answer list = chinese(TestUsers.OPERATOR).get(page);
		assertChinese(list, "会话管理", "租户会话", "会话统计", "实时诊断", "仅查看活跃会话", "会话 ID", "用户", "来源", "数据库名", "命令",
				"执行时间(s)", "状态", "操作", "关闭会话", "关闭当前查询", "更多", "全链路追踪配置", "查看 SQL", "刷新", "自动刷新",
				"请输入会话 ID", "会话总数", "活跃会话数");
		// Engine values stay as the engine says them.
		assertThat(list.doc().select("tr[data-session-id=" + sleeper.idText() + "] .status-value").text())
			.isEqualTo("ACTIVE");
		assertThat(list.doc().selectFirst("#refresh-status").attr("data-paused")).isEqualTo("自动刷新已暂停：点击“继续”恢复。");
		assertThat(list.doc().selectFirst("#refresh-status").attr("data-next")).isEqualTo("%s 秒后刷新。");
		Answer english = chinese(TestUsers.OPERATOR).get(page + "&lang=en");
		assertEnglish(english, "Session Management", "Tenant Session", "View Active Sessions Only",
				"Execution Time (s)", "Close Current Query");
		// The check for English sentences finds them where they are.
		assertThat(ENGLISH).hasSizeGreaterThan(150);
		assertThat(EnglishSentences.in(english.words(), ENGLISH)).hasSizeGreaterThan(5);
	}

	@Test
	void viewSqlConfirmationResultsAndTracing() throws SQLException {
		LanguageBrowser browser = chinese(TestUsers.OPERATOR);
		Answer sql = browser.fragment(SESSIONS + "/" + sleeper.idText() + "/sql");
		assertChinese(sql, "SQL 详情 - " + sleeper.idText(), "复制", "复制成功", "执行计划");

		Answer trace = browser.fragment(SESSIONS + "/" + sleeper.idText() + "/trace");
		assertChinese(trace, "全链路追踪配置", "跟踪级别", "采样比例", "采样内容", "级别 1", "ALL", "ONLY_SLOW_QUERY", "应用");

		try (TestSession victim = TestSession.idle(LocalEngines.seekdb(SeekdbRelease.V1_3))) {
			Answer confirm = browser.fragment(SESSIONS + "/confirm?kind=session&ids=" + victim.idText());
			assertChinese(confirm, "关闭会话", "确定要关闭会话吗？", "取消");
			Answer results = browser.submit(confirm.doc().selectFirst("form.confirm-close"));
			assertChinese(results, "关闭会话：结果");
			assertThat(results.doc().select(".close-result .outcome").text()).isEqualTo("CLOSED");
		}
		Answer query = browser.fragment(SESSIONS + "/confirm?kind=query&ids=" + sleeper.idText());
		assertChinese(query, "关闭当前查询", "确定要关闭查询吗？");
		assertEnglish(browser.fragment(SESSIONS + "/" + sleeper.idText() + "/sql?lang=en"), "Copy", "Copied.");
	}

	@Test
	void statisticsClustersTenantsAndHome() {
		LanguageBrowser browser = chinese(TestUsers.OPERATOR);
		assertChinese(browser.get("/clusters/" + CLUSTER + "/diagnostics/statistics?tenant=sys"), "会话统计", "会话总数",
				"活跃会话数", "按用户统计", "按访问来源统计", "按数据库统计", "活跃数", "总数");
		assertChinese(browser.get("/clusters/" + CLUSTER + "/diagnostics/statistics?tenant=sys&sort=nope"),
				"sort：统计只能按 active、total 或 name 排序");
		assertChinese(browser.get("/clusters"), "集群", "引擎", "OBServer", "租户", "状态", "可连接");
		assertChinese(browser.get("/clusters/" + CLUSTER), "集群 " + CLUSTER, "概览", "实时诊断");
		assertChinese(browser.get("/tenants"), "租户", "模式");
		assertChinese(browser.get("/clusters/" + CLUSTER + "/tenants/sys"), "租户概览", "会话管理", "会话总数");
		assertChinese(browser.get("/"), "目标", "名称", "地址", "无法连接");
		assertChinese(browser.get("/tokens"), "API 令牌", "创建令牌");
		assertEnglish(browser.get("/clusters?lang=en"), "Clusters", "Engine");
	}

	@Test
	void rowLocksDeadlocksAndThePlan() {
		LanguageBrowser browser = chinese(TestUsers.OPERATOR);
		assertChinese(browser.get("/clusters/" + CLUSTER + "/diagnostics/locks?tenant=sys"), "行锁分析", "最短等待 (ms)");
		assertChinese(browser.get("/clusters/" + CLUSTER + "/diagnostics/deadlocks?tenant=sys"), "死锁分析",
				"开始时间 (UTC)", "每页");
		assertChinese(browser.fragment(SESSIONS + "/" + sleeper.idText() + "/plan"), "刷新");
	}

	@Test
	void auditTrail() {
		Answer audit = chinese(TestUsers.ADMIN).get("/audit");
		assertChinese(audit, "操作审计", "操作人", "执行结果", "筛选", "导出 CSV", "关闭当前查询", "结果未知");
	}

	@Test
	void problemPages() {
		LanguageBrowser viewer = chinese(TestUsers.VIEWER);
		Answer denied = viewer.get("/audit");
		assertThat(denied.status()).isEqualTo(403);
		assertChinese(denied, "没有权限", "您的角色 VIEWER 无权查看操作审计，需要 ADMIN 角色。");

		Answer badSort = viewer.get(SESSIONS + "?sort=nope");
		assertThat(badSort.status()).isEqualTo(400);
		assertChinese(badSort, "无法显示此视图", "未知的排序列“nope”");

		Answer noTarget = viewer.get("/targets/nope/sessions");
		assertThat(noTarget.status()).isEqualTo(404);
		assertChinese(noTarget, "未知目标", "返回目标列表");

		Answer down = viewer.get("/targets/down/sessions");
		assertThat(down.status()).isEqualTo(503);
		assertChinese(down, "无法读取会话", "页面会在每次刷新时重试。");

		// Boot's error view, for what no page of its own explains (asked for directly, it has no status
		// of its own: Boot would say 999; ErrorStatus says the 500 it answers with).
		Answer error = viewer.get("/error");
		assertThat(error.status()).isEqualTo(500);
		assertChinese(error, "错误 500", "控制台未能响应；原因见服务器日志。", "返回目标列表");

		assertEnglish(viewer.get("/targets/nope/sessions?lang=en"), "Unknown target", "Back to the targets");
		assertEnglish(viewer.get("/error?lang=en"), "Error 500", "The console failed to answer; the server log says why.");
	}

	/** In Chinese: the labels, the page's lang, no message key left unresolved, no English sentence. */
	static void assertChinese(Answer answer, String... labels) {
		String words = answer.words();
		keep(words);
		assertThat(words).as("the page's words").contains(labels);
		assertThat(answer.html()).doesNotContainPattern("\\?\\?[\\w.-]+\\?\\?");
		assertThat(EnglishSentences.in(words, ENGLISH)).as("English sentences on a zh-CN page").isEmpty();
		if (answer.doc().selectFirst("html[lang]") != null && answer.doc().selectFirst("#language-switch") != null) {
			assertThat(answer.doc().selectFirst("html").attr("lang")).isEqualTo("zh-CN");
		}
	}

	/** Each zh-CN page's words go to target/zh-pages/, for a reader looking for what is still English. */
	static void keep(String words) {
		try {
			java.nio.file.Path dir = java.nio.file.Path.of("target", "zh-pages");
			java.nio.file.Files.createDirectories(dir);
			java.nio.file.Files.writeString(dir.resolve(Integer.toHexString(words.hashCode()) + ".txt"), words);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static void assertEnglish(Answer answer, String... labels) {
		assertThat(answer.words()).contains(labels);
		assertThat(answer.words()).doesNotContainPattern("[\\u4e00-\\u9fff]{2}(?<!中文)");
		if (answer.doc().selectFirst("#language-switch") != null) {
			assertThat(answer.doc().selectFirst("html").attr("lang")).isEqualTo("en");
		}
	}

	static List<String> texts(Answer answer, String selector) {
		return answer.doc().select(selector).eachText();
	}

}
