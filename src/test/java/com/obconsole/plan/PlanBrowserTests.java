package com.obconsole.plan;

import java.sql.SQLException;
import java.sql.Statement;

import com.obconsole.browser.HeadlessChromium;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Plan tab of View SQL in headless Chromium, under {@code script-src 'self'}, as a VIEWER:
 * open View SQL, switch to Plan, see the plan, press Refresh. Skipped, saying so, without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlanBrowserTests.StrictContentSecurityPolicy.class)
class PlanBrowserTests {

	static HeadlessChromium browser;

	static TestSession running;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "local-seekdb", LocalEngines.seekdb());
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void start(@LocalServerPort int port) throws SQLException {
		browser = HeadlessChromium.start("http://localhost:" + port, 1600, 1000);
		LocalServer seekdb = LocalEngines.seekdb();
		try (var admin = seekdb.connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE IF NOT EXISTS console_test");
			sql.execute("CREATE TABLE IF NOT EXISTS console_test.plan_browser (id INT PRIMARY KEY, v INT)");
			sql.execute("DELETE FROM console_test.plan_browser");
			sql.execute("INSERT INTO console_test.plan_browser VALUES (1, 0), (2, 0)");
		}
		running = TestSession.running(seekdb,
				"SELECT a.id, SLEEP(60) FROM console_test.plan_browser a JOIN console_test.plan_browser b ON a.v = b.v");
		browser.signIn(TestUsers.VIEWER, TestUsers.PASSWORD);
	}

	@AfterAll
	static void stop() {
		TestSession.closeAll(running);
		if (browser != null) {
			browser.close();
		}
	}

	@AfterEach
	void noContentSecurityPolicyViolations() {
		assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
	}

	@Test
	void viewSqlThenPlanShowsThePlanAndRefreshReadsItAgain() {
		browser.open("/targets/local-seekdb/sessions?id=" + running.idText());
		browser.waitUntil((b) -> browser.isPresent("tr[data-session-id='" + running.idText() + "'] a.view-sql"));
		browser.click("tr[data-session-id='" + running.idText() + "'] a.view-sql");
		browser.waitUntil((b) -> !b.findElements(By.cssSelector("#session-dialog.show #sql-text")).isEmpty());
		// Not asked for before the tab is shown.
		assertThat(browser.find("#plan-region").getDomProperty("textContent").strip()).isEqualTo("Loading the plan…");

		browser.click("#sql-tab-plan");
		browser.waitUntil((b) -> browser.isPresent("#session-dialog.show #plan-text") && browser.find("#plan-text").isDisplayed());
		assertThat(browser.find("#sql-text").isDisplayed()).isFalse();
		String plan = (String) browser.script("return document.getElementById('plan-text').textContent");
		assertThat(plan).contains("|ID|OPERATOR", "REAL.ROWS");
		assertThat(browser.find("#plan-region").getDomAttribute("data-source")).isEqualTo("ACTIVE");

		// Refresh reads the plan again, in place, and the dialog stays on the Plan tab.
		browser.script("document.getElementById('plan-region').setAttribute('data-before-refresh', 'yes')");
		browser.click("#session-dialog .plan-refresh");
		browser.waitUntil((b) -> browser.isPresent("#plan-region")
				&& browser.find("#plan-region").getDomAttribute("data-before-refresh") == null
				&& browser.isPresent("#plan-text"));
		assertThat(browser.find("#plan-text").isDisplayed()).isTrue();
		assertThat(browser.currentUrl()).doesNotContain("/plan");
		assertThat(browser.isPresent("#session-dialog.show")).isTrue();
		// Back to the SQL tab: the plan is not asked for again on the way.
		browser.click("#sql-tab-sql");
		browser.waitUntil((b) -> browser.find("#sql-text").isDisplayed());
	}

	/** The policy the security work puts on every page: scripts and styles from the console only. */
	@TestConfiguration(proxyBeanMethods = false)
	static class StrictContentSecurityPolicy {

		@Bean
		FilterRegistrationBean<Filter> contentSecurityPolicy() {
			Filter filter = (request, response, chain) -> {
				((HttpServletResponse) response).setHeader("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
								+ "form-action 'self'; base-uri 'self'; frame-ancestors 'none'");
				chain.doFilter(request, response);
			};
			return new FilterRegistrationBean<>(filter);
		}

	}

}
