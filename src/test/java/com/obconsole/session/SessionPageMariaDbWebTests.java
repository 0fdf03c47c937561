package com.obconsole.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestSession;
import com.obconsole.security.TestUsers;
import com.obconsole.localengine.LocalServer;
import com.obconsole.session.PageClient.Page;
import org.jsoup.nodes.Element;
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
 * The Tenant Session page against a real MariaDB, where it differs from OceanBase: no SQL ID, no
 * OBProxy, the status derived from COMMAND, the transaction from InnoDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SessionPageMariaDbWebTests {

	static final String PAGE = "/targets/local-mariadb/sessions";

	static final String DATABASE = "session_page_db";

	static TestSession idle;

	static TestSession sleeper;

	static TestSession inTransaction;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		LocalServer mariadb = LocalEngines.mariadb();
		registry.add("console.targets[0].name", () -> "local-mariadb");
		registry.add("console.targets[0].url", mariadb::jdbcUrl);
		registry.add("console.targets[0].username", mariadb::username);
		registry.add("console.targets[0].password", mariadb::password);
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void openSessions() throws SQLException {
		LocalServer mariadb = LocalEngines.mariadb();
		try (Connection admin = mariadb.connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
		}
		idle = TestSession.idle(mariadb);
		sleeper = TestSession.running(mariadb, "SELECT SLEEP(600) /* mariadb sleeper */");
		inTransaction = TestSession.inTransaction(mariadb, DATABASE, "page_accounts");
	}

	@AfterAll
	static void closeSessions() {
		TestSession.closeAll(idle, sleeper, inTransaction);
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
	void pageListsTheSessionsWithStatusFromCommand() {
		Page page = client().page(PAGE + "?size=200");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.ids()).contains(idle.idText(), sleeper.idText(), inTransaction.idText());

		assertThat(page.cell(sleeper.id(), "command")).isEqualTo("Query");
		assertThat(page.row(sleeper.id()).selectFirst(".status-value").text()).isEqualTo("ACTIVE");
		assertThat(page.row(sleeper.id()).selectFirst(".sql-preview").text())
			.isEqualTo("SELECT SLEEP(600) /* mariadb sleeper */");
		assertThat(page.cell(sleeper.id(), "sql-id")).isEmpty();
		assertThat(page.cell(sleeper.id(), "proxy")).isEmpty();
		assertThat(page.cell(sleeper.id(), "observer")).isEqualTo("127.0.0.1:" + LocalEngines.mariadb().port());
		assertThat(page.cell(sleeper.id(), "user")).isEqualTo(LocalEngines.mariadb().username());
		// MariaDB has TIME_MS: fractions of a second show.
		assertThat(page.cell(sleeper.id(), "time")).matches("\\d+(\\.\\d)?");

		assertThat(page.cell(idle.id(), "command")).isEqualTo("Sleep");
		assertThat(page.row(idle.id()).selectFirst(".status-value").text()).isEqualTo("SLEEP");

		Element transaction = page.row(inTransaction.id());
		assertThat(transaction.hasClass("table-warning")).isTrue();
		assertThat(transaction.select(".mark-open-transaction").eachText()).containsExactly("open transaction");

		Page active = client().page(PAGE + "?activeOnly=true&size=200");
		assertThat(active.ids()).contains(sleeper.idText()).doesNotContain(idle.idText(), inTransaction.idText());
	}

	@Test
	void aViewerWhoMayNotOperateSeesNoCloseControls() {
		Page operator = client().page(PAGE);
		assertThat(operator.doc().select(".row-select, .close-session, .close-query, #session-selection")).isNotEmpty();
		Page viewer = new PageClient(this.http, TestUsers.VIEWER).page(PAGE);
		assertThat(viewer.status()).isEqualTo(200);
		assertThat(viewer.ids()).contains(idle.idText());
		assertThat(viewer.doc().select(".row-select, #select-all, .close-session, .close-query, #session-selection"))
			.isEmpty();
		assertThat(viewer.doc().select("#sessions thead th")).hasSize(11);
	}

	@Test
	void closeCurrentQueryInterruptsTheStatementAndKeepsTheConnection() throws SQLException {
		try (TestSession session = TestSession.running(LocalEngines.mariadb(), "SELECT SLEEP(600) /* close me */")) {
			Page confirm = client().fragment(PAGE + "/confirm?kind=query&ids=" + session.idText());
			Page results = client().submit(confirm.form("form.confirm-close"));
			assertThat(results.results()).containsExactly(Map.entry(session.idText(), "CLOSED"));
			assertThat(session.statementEnds(Duration.ofSeconds(15))).isTrue();
			assertThat(session.isUsable()).isTrue();
		}
	}

	@Test
	void closeSessionEndsTheConnection() throws SQLException {
		try (TestSession session = TestSession.idle(LocalEngines.mariadb())) {
			Page confirm = client().fragment(PAGE + "/confirm?kind=session&ids=" + session.idText());
			Page results = client().submit(confirm.form("form.confirm-close"));
			assertThat(results.results()).containsExactly(Map.entry(session.idText(), "CLOSED"));
			assertThat(session.isUsable()).isFalse();
		}
	}

}
