package com.obconsole.lock;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import com.obconsole.browser.HeadlessChromium;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row Lock Analysis in headless Chromium on seekdb: a DBA walks the tree from the root blocker to
 * the end of the chain, reads a waiter's hostile SQL as text, and closes the blocker through the
 * confirmation, which names whom it releases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LockTreeBrowserTests {

	static final String TABLE = "console_test.browser_locks";

	@LocalServerPort
	int port;

	TestSession a;

	TestSession b;

	TestSession c;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "engine", server());
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}

	static LocalServer server() {
		return LocalEngines.seekdb();
	}

	/** A holds row 1 idle; B holds row 2 and waits for row 1 with markup in its SQL; C waits for row 2. */
	@BeforeEach
	void chain() throws SQLException {
		try (var admin = server().connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS console_test");
			sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM " + TABLE);
			sql.execute("INSERT INTO " + TABLE + " VALUES (1, 0), (2, 0)");
		}
		this.a = holding(1);
		this.b = holding(2);
		this.b.runInBackground("/*<img src=x onerror=alert(1)>*/ UPDATE " + TABLE + " SET v = v + 10 WHERE id = 1");
		this.c = TestSession.idle(server()).runInBackground("UPDATE " + TABLE + " SET v = v + 100 WHERE id = 2");
	}

	private static TestSession holding(int row) throws SQLException {
		return TestSession.holding(server(), "UPDATE " + TABLE + " SET v = v + 1 WHERE id = " + row);
	}

	@AfterEach
	void end() {
		TestSession.closeAll(this.c, this.b, this.a);
	}

	@Test
	void aDbaWalksTheTreeAndClosesTheRootBlocker() {
		try (HeadlessChromium browser = HeadlessChromium.start("http://localhost:" + this.port, 1440, 900)) {
			String tab = "/clusters/engine/tenants/sys/locks?minWaitMs=0&refresh=2";
			browser.open(tab);
			browser.signIn(TestUsers.OPERATOR, TestUsers.PASSWORD);
			browser.open(tab);
			String root = ".lock-root[data-session-id='" + this.a.idText() + "']";
			String nodeB = root + " .lock-waiters .lock-node[data-session-id='" + this.b.idText() + "']";
			String nodeC = nodeB + " .lock-waiters .lock-node[data-session-id='" + this.c.idText() + "']";
			// Auto-refresh brings the chain in as the waits are seen.
			browser.waitUntil((d) -> browser.isPresent(nodeC), Duration.ofSeconds(30));
			assertThat(browser.find(root + " .blocks").getText()).isEqualTo("blocks 1 directly, 2 in all");
			assertThat(browser.find(root + " .mark-idle").getText()).isEqualTo("idle in transaction");
			assertThat(browser.find(nodeB + " > .card-body .lock-table").getText()).contains("browser_locks");
			assertThat(browser.find(nodeB + " > .card-body .sql-preview").getText()).startsWith("/*<img src=x onerror=alert(1)>*/");
			assertThat(browser.findAll(".lock-tree img")).isEmpty();
			browser.screenshot("lock-tree");

			browser.click(root + " > .card-body .close-session");
			browser.waitUntil((d) -> browser.isPresent("#session-dialog.show .confirm-releases"));
			assertThat(browser.find("#session-dialog.show .confirm-releases").getText())
				.contains(this.b.idText()).contains("2 in all").contains("rolled back");
			browser.click("#session-dialog.show .confirm-submit");
			browser.waitUntil((d) -> browser.isPresent("#session-dialog.show .close-result[data-outcome='CLOSED']"));
			browser.click("#session-dialog.show .btn-close");
			// Closing the dialog refreshes the tree: B, released, now heads what is left (C waits for its row 2).
			String newRoot = ".lock-root[data-session-id='" + this.b.idText() + "']";
			browser.waitUntil((d) -> browser.isPresent(newRoot) && !browser.isPresent(root), Duration.ofSeconds(30));
			assertThat(this.b.statementEnds(Duration.ofSeconds(10))).isTrue();
			assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
		}
	}

}
