package com.obconsole.session;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import com.obconsole.browser.HeadlessChromium;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.security.TestUsers;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Tenant Session page in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), under a Content-Security-Policy of {@code script-src 'self'}: the
 * auto-refresh timer and its pauses, the column search, and the dialogs of View SQL and close.
 * Skipped, saying so, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SessionPageBrowserTests.StrictContentSecurityPolicy.class)
class SessionPageBrowserTests {

	static final String SLEEPER_SQL = "SELECT SLEEP(600) AS browser_test\n/* second line */";

	static HeadlessChromium browser;

	static TestSession sleeper;

	static boolean signedIn;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		LocalServer seekdb = LocalEngines.seekdb();
		registry.add("console.targets[0].name", () -> "local-seekdb");
		registry.add("console.targets[0].url", seekdb::jdbcUrl);
		registry.add("console.targets[0].username", seekdb::username);
		registry.add("console.targets[0].password", seekdb::password);
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void startBrowser(@LocalServerPort int port) throws SQLException {
		browser = HeadlessChromium.start("http://localhost:" + port, 1600, 1000);
		sleeper = TestSession.running(LocalEngines.seekdb(), SLEEPER_SQL);
	}

	@AfterAll
	static void stopBrowser() {
		if (sleeper != null) {
			sleeper.close();
		}
		if (browser != null) {
			browser.close();
		}
	}

	/** Nothing the page does may be refused by the Content-Security-Policy. */
	@AfterEach
	void noContentSecurityPolicyViolations() {
		assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
	}

	@Test
	void autoRefreshRunsAndPausesWhenAskedAndWhileSessionsAreSelected() {
		open("/targets/local-seekdb/sessions?refresh=2");
		browser.waitUntil((b) -> status().startsWith("Next refresh in"));
		String first = snapshot();
		browser.waitUntil((b) -> !snapshot().equals(first));
		assertThat(browser.currentUrl()).contains("refresh=2");

		browser.click("#refresh-pause");
		assertThat(browser.find("#refresh-pause").getText()).isEqualTo("Resume");
		assertThat(status()).isEqualTo("Paused: press Resume.");
		String paused = snapshot();
		HeadlessChromium.pause(Duration.ofMillis(4500));
		assertThat(snapshot()).isEqualTo(paused);
		browser.click("#refresh-pause");
		browser.waitUntil((b) -> !snapshot().equals(paused));

		WebElement box = browser.find("tr[data-session-id='" + sleeper.idText() + "'] .row-select");
		box.click();
		assertThat(status()).isEqualTo("Paused while sessions are selected.");
		assertThat(browser.find("#selection-count").getText()).isEqualTo("1 selected");
		assertThat(browser.find(".selection-action[value=session]").isEnabled()).isTrue();
		String selected = snapshot();
		HeadlessChromium.pause(Duration.ofMillis(3500));
		assertThat(snapshot()).isEqualTo(selected);
		browser.find("tr[data-session-id='" + sleeper.idText() + "'] .row-select").click();
		browser.waitUntil((b) -> !snapshot().equals(selected));
		assertThat(browser.find(".selection-action[value=session]").isEnabled()).isFalse();
	}

	@Test
	void columnSearchAndActiveOnlyNarrowTheRowsAndGoIntoTheUrl() {
		open("/targets/local-seekdb/sessions");
		browser.click("th[data-column=user] summary");
		WebElement search = browser.find("#search-user");
		search.sendKeys("ROO", Keys.ENTER);
		browser.waitUntil((b) -> b.getCurrentUrl().contains("user=ROO"));
		// Empty search boxes stay out of the URL.
		assertThat(browser.currentUrl()).doesNotContain("id=", "source=", "database=");
		browser.waitUntil((b) -> browser.texts("#sessions td.user").stream().allMatch("root"::equals));

		browser.click("label[for=activeOnly]");
		browser.waitUntil((b) -> b.getCurrentUrl().contains("activeOnly=true"));
		browser.waitUntil((b) -> browser.texts("#sessions .status-value").stream().allMatch("ACTIVE"::equals));
		assertThat(browser.texts("#sessions td.session-id")).contains(sleeper.idText());

		browser.driver().navigate().back();
		browser.waitUntil((b) -> !b.getCurrentUrl().contains("activeOnly"));
		browser.waitUntil((b) -> !browser.find("#activeOnly").isSelected());
	}

	@Test
	void viewSqlShowsTheWholeTextInADialog() {
		open("/targets/local-seekdb/sessions?id=" + sleeper.idText());
		browser.click("tr[data-session-id='" + sleeper.idText() + "'] a.view-sql");
		browser.waitUntil((b) -> !b.findElements(By.cssSelector("#session-dialog.show #sql-text")).isEmpty());
		String text = (String) browser.script("return document.getElementById('sql-text').textContent");
		assertThat(text).isEqualTo(SLEEPER_SQL);
		browser.click("#session-dialog .copy-sql");
		// Copied, or (where the browser keeps the clipboard to itself) selected for Ctrl+C.
		browser.waitUntil((b) -> List.of("Copied.", "The browser refused to copy: the text is selected, press Ctrl+C.")
			.contains(browser.find("#session-dialog .copy-status").getText()));
		browser.click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
		browser.waitUntil((b) -> b.findElements(By.cssSelector("#session-dialog.show")).isEmpty());
		// The next dialog starts from "Loading…", not from this one's content.
		browser.waitUntil((b) -> browser.find("#session-dialog-content")
			.getDomProperty("textContent")
			.strip()
			.equals("Loading…"));
	}

	@Test
	void closeSessionsThroughConfirmationAndResults() throws SQLException {
		try (TestSession first = TestSession.idle(LocalEngines.seekdb());
				TestSession second = TestSession.idle(LocalEngines.seekdb())) {
			open("/targets/local-seekdb/sessions?sort=id&direction=desc&size=200");
			browser.find("tr[data-session-id='" + first.idText() + "'] .row-select").click();
			browser.find("tr[data-session-id='" + second.idText() + "'] .row-select").click();
			browser.click(".selection-action[value=session]");
			browser.waitUntil((b) -> b.findElements(By.cssSelector("#session-dialog.show .confirm-sessions tbody tr")).size() == 2);
			browser.click("#session-dialog .confirm-submit");
			browser.waitUntil((b) -> b.findElements(By.cssSelector("#close-results .close-result[data-outcome=CLOSED]"))
				.size() == 2);
			assertThat(first.isUsable()).isFalse();
			assertThat(second.isUsable()).isFalse();
			browser.click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
			// Closing the results refreshes the table: the closed sessions are gone.
			browser.waitUntil((b) -> b.findElements(By.cssSelector("tr[data-session-id='" + first.idText() + "']")).isEmpty());
		}
	}

	@Test
	void fullLinkTrackingConfigurationFromTheMoreMenu() throws SQLException {
		assumeTrue(SeekdbRelease.standard() == SeekdbRelease.V1_3, "seekdb 1.4 cannot trace sessions");
		try (TestSession session = TestSession.idle(LocalEngines.seekdb())) {
			String row = "tr[data-session-id='" + session.idText() + "']";
			open("/targets/local-seekdb/sessions?id=" + session.idText());
			browser.click(row + " .dropdown-toggle");
			browser.click(row + " a.trace-config");
			browser.waitUntil((b) -> !b.findElements(By.cssSelector("#session-dialog.show form.trace-form")).isEmpty());
			// The settings only matter while the switch is on.
			if (!browser.find("#trace-enabled").isSelected()) {
				browser.click("label[for=trace-enabled]");
			}
			assertThat(browser.find("#trace-settings").getDomProperty("disabled")).isEqualTo("false");
			browser.click("label[for=trace-level-2]");
			browser.find("#trace-sample").clear();
			browser.find("#trace-sample").sendKeys("50");
			browser.click("label[for=trace-policy-ALL]");
			browser.click("#session-dialog .trace-submit");
			browser.waitUntil((b) -> !b.findElements(By.cssSelector("#trace-results .trace-result[data-outcome=ENABLED]"))
				.isEmpty());
			browser.click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
			// Closing the result refreshes the table: the row has the badge.
			browser.waitUntil((b) -> browser.texts(row + " .mark-traced").contains("traced L2 50% ALL"));

			browser.click(row + " .dropdown-toggle");
			browser.click(row + " a.trace-config");
			browser.waitUntil((b) -> !b.findElements(By.cssSelector("#session-dialog.show #trace-current-level")).isEmpty());
			assertThat(browser.find("#trace-current-level").getText()).isEqualTo("2");
			browser.click("label[for=trace-enabled]");
			assertThat(browser.find("#trace-settings").getDomProperty("disabled")).isEqualTo("true");
			browser.click("#session-dialog .trace-submit");
			browser.waitUntil((b) -> !b.findElements(By.cssSelector("#trace-results .trace-result[data-outcome=DISABLED]"))
				.isEmpty());
			browser.click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
			browser.waitUntil((b) -> !browser.texts(row + " .mark-traced").contains("traced L2 50% ALL"));
		}
	}

	private void open(String path) {
		if (!signedIn) {
			browser.signIn(TestUsers.OPERATOR, TestUsers.PASSWORD);
			signedIn = true;
		}
		browser.open(path);
		browser.waitUntil((b) -> browser.isPresent("#session-region"));
	}

	private static String status() {
		return browser.find("#refresh-status").getText();
	}

	/** The snapshot instant the table shows: it changes with every refresh. */
	private static String snapshot() {
		return browser.find("#snapshot-time").getDomAttribute("datetime");
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
