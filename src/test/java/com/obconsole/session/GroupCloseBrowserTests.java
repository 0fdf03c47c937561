package com.obconsole.session;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * The group close in headless Chromium on seekdb: a DBA finds the SQL that six sessions run on the
 * Session Statistics tab, opens Close Queries, reads the confirmation that lists all six, and
 * closes them; the others keep running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupCloseBrowserTests {

	static final String GROUP_SQL = "SELECT SLEEP(600) /* browser group */";

	@LocalServerPort
	int port;

	final List<TestSession> group = new ArrayList<>();

	TestSession other;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "engine", server());
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}

	static LocalServer server() {
		return LocalEngines.seekdb();
	}

	@BeforeEach
	void sessions() throws SQLException {
		for (int i = 0; i < 6; i++) {
			this.group.add(TestSession.running(server(), GROUP_SQL));
		}
		this.other = TestSession.running(server(), "SELECT SLEEP(600) AS not_the_group");
	}

	@AfterEach
	void end() {
		this.group.forEach(TestSession::close);
		TestSession.closeAll(this.other);
	}

	@Test
	void aDbaClosesTheQueriesOfEverySessionRunningOneSql() throws Exception {
		try (HeadlessChromium browser = HeadlessChromium.start("http://localhost:" + this.port, 1440, 900)) {
			String tab = "/clusters/engine/tenants/sys/statistics";
			browser.open(tab);
			browser.signIn(TestUsers.OPERATOR, TestUsers.PASSWORD);
			browser.open(tab);
			String row = "#by-sql tbody tr:first-child";
			browser.waitUntil((d) -> browser.isPresent(row + " .close-group-queries"));
			assertThat(browser.find(row + " .sessions").getText()).isEqualTo("6");
			assertThat(browser.find(row + " .sample").getText()).isEqualTo(GROUP_SQL);

			browser.click(row + " .close-group-queries");
			browser.waitUntil((d) -> browser.isPresent("#session-dialog.show #confirm-group"));
			assertThat(browser.find("#session-dialog.show #confirm-group").getText()).contains("6 sessions");
			List<String> listed = browser.findAll("#session-dialog.show .confirm-sessions tbody tr")
				.stream()
				.map((tr) -> tr.getAttribute("data-session-id"))
				.toList();
			assertThat(listed).containsExactlyInAnyOrderElementsOf(this.group.stream().map(TestSession::idText).toList());
			browser.screenshot("group-close-confirmation");
			// The confirmation alone closes nothing.
			assertThat(this.group).allSatisfy((s) -> assertThat(s.isStatementRunning()).isTrue());

			browser.click("#session-dialog.show .confirm-submit");
			browser.waitUntil((d) -> browser.findAll("#session-dialog.show .close-result[data-outcome='CLOSED']").size() == 6,
					Duration.ofSeconds(30));
			for (TestSession session : this.group) {
				SQLException error = session.statementError(Duration.ofSeconds(20));
				assertThat(error == null ? null : error.getErrorCode()).isEqualTo(1317);
			}
			assertThat(this.other.isStatementRunning()).isTrue();
			// Closing the dialog refreshes the tab: the group is gone, the other statement stays.
			browser.click("#session-dialog.show .btn-close");
			browser.waitUntil((d) -> browser.findAll("#by-sql .sample").stream().noneMatch((c) -> GROUP_SQL.equals(c.getText())),
					Duration.ofSeconds(30));
			assertThat(browser.texts("#by-sql .sample")).contains("SELECT SLEEP(600) AS not_the_group");
			assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
		}
	}

}
