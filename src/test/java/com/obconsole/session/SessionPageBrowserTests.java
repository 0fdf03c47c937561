package com.obconsole.session;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.obconsole.localengine.LocalEngines;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

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

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final String SLEEPER_SQL = "SELECT SLEEP(600) AS browser_test\n/* second line */";

	static WebDriver browser;

	static LiveSession sleeper;

	static boolean signedIn;

	@LocalServerPort
	int port;

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
	static void startBrowser() throws SQLException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1600,1000");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.build();
		browser = new ChromeDriver(service, options);
		sleeper = LiveSession.running(LocalEngines.seekdb(), SLEEPER_SQL);
	}

	@AfterAll
	static void stopBrowser() {
		if (sleeper != null) {
			sleeper.close();
		}
		if (browser != null) {
			browser.quit();
		}
	}

	/** Nothing the page does may be refused by the Content-Security-Policy. */
	@AfterEach
	void noContentSecurityPolicyViolations() {
		List<String> errors = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
		assertThat(errors).isEmpty();
	}

	@Test
	void autoRefreshRunsAndPausesWhenAskedAndWhileSessionsAreSelected() {
		open("/targets/local-seekdb/sessions?refresh=2");
		waitUntil((b) -> status().startsWith("Next refresh in"));
		String first = snapshot();
		waitUntil((b) -> !snapshot().equals(first));
		assertThat(browser.getCurrentUrl()).contains("refresh=2");

		click("#refresh-pause");
		assertThat(find("#refresh-pause").getText()).isEqualTo("Resume");
		assertThat(status()).isEqualTo("Paused: press Resume.");
		String paused = snapshot();
		pause(Duration.ofMillis(4500));
		assertThat(snapshot()).isEqualTo(paused);
		click("#refresh-pause");
		waitUntil((b) -> !snapshot().equals(paused));

		WebElement box = find("tr[data-session-id='" + sleeper.idText() + "'] .row-select");
		box.click();
		assertThat(status()).isEqualTo("Paused while sessions are selected.");
		assertThat(find("#selection-count").getText()).isEqualTo("1 selected");
		assertThat(find(".selection-action[value=session]").isEnabled()).isTrue();
		String selected = snapshot();
		pause(Duration.ofMillis(3500));
		assertThat(snapshot()).isEqualTo(selected);
		find("tr[data-session-id='" + sleeper.idText() + "'] .row-select").click();
		waitUntil((b) -> !snapshot().equals(selected));
		assertThat(find(".selection-action[value=session]").isEnabled()).isFalse();
	}

	@Test
	void columnSearchAndActiveOnlyNarrowTheRowsAndGoIntoTheUrl() {
		open("/targets/local-seekdb/sessions");
		click("th[data-column=user] summary");
		WebElement search = find("#search-user");
		search.sendKeys("ROO", Keys.ENTER);
		waitUntil((b) -> b.getCurrentUrl().contains("user=ROO"));
		// Empty search boxes stay out of the URL.
		assertThat(browser.getCurrentUrl()).doesNotContain("id=", "source=", "database=");
		waitUntil((b) -> texts("#sessions td.user").stream().allMatch("root"::equals));

		click("label[for=activeOnly]");
		waitUntil((b) -> b.getCurrentUrl().contains("activeOnly=true"));
		waitUntil((b) -> texts("#sessions .status-value").stream().allMatch("ACTIVE"::equals));
		assertThat(texts("#sessions td.session-id")).contains(sleeper.idText());

		browser.navigate().back();
		waitUntil((b) -> !b.getCurrentUrl().contains("activeOnly"));
		waitUntil((b) -> !find("#activeOnly").isSelected());
	}

	@Test
	void viewSqlShowsTheWholeTextInADialog() {
		open("/targets/local-seekdb/sessions?id=" + sleeper.idText());
		click("tr[data-session-id='" + sleeper.idText() + "'] a.view-sql");
		waitUntil((b) -> !b.findElements(By.cssSelector("#session-dialog.show #sql-text")).isEmpty());
		String text = (String) ((JavascriptExecutor) browser)
			.executeScript("return document.getElementById('sql-text').textContent");
		assertThat(text).isEqualTo(SLEEPER_SQL);
		click("#session-dialog .copy-sql");
		// Copied, or (where the browser keeps the clipboard to itself) selected for Ctrl+C.
		waitUntil((b) -> List.of("Copied.", "The browser refused to copy: the text is selected, press Ctrl+C.")
			.contains(find("#session-dialog .copy-status").getText()));
		click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
		waitUntil((b) -> b.findElements(By.cssSelector("#session-dialog.show")).isEmpty());
		// The next dialog starts from "Loading…", not from this one's content.
		waitUntil((b) -> find("#session-dialog-content").getDomProperty("textContent").strip().equals("Loading…"));
	}

	@Test
	void closeSessionsThroughConfirmationAndResults() throws SQLException {
		try (LiveSession first = LiveSession.idle(LocalEngines.seekdb());
				LiveSession second = LiveSession.idle(LocalEngines.seekdb())) {
			open("/targets/local-seekdb/sessions?sort=id&direction=desc&size=200");
			find("tr[data-session-id='" + first.idText() + "'] .row-select").click();
			find("tr[data-session-id='" + second.idText() + "'] .row-select").click();
			click(".selection-action[value=session]");
			waitUntil((b) -> b.findElements(By.cssSelector("#session-dialog.show .confirm-sessions tbody tr")).size() == 2);
			click("#session-dialog .confirm-submit");
			waitUntil((b) -> b.findElements(By.cssSelector("#close-results .close-result[data-outcome=CLOSED]"))
				.size() == 2);
			assertThat(first.isUsable()).isFalse();
			assertThat(second.isUsable()).isFalse();
			click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
			// Closing the results refreshes the table: the closed sessions are gone.
			waitUntil((b) -> b.findElements(By.cssSelector("tr[data-session-id='" + first.idText() + "']")).isEmpty());
		}
	}

	@Test
	void fullLinkTrackingConfigurationFromTheMoreMenu() throws SQLException {
		assumeTrue(SeekdbRelease.standard() == SeekdbRelease.V1_3, "seekdb 1.4 cannot trace sessions");
		try (LiveSession session = LiveSession.idle(LocalEngines.seekdb())) {
			String row = "tr[data-session-id='" + session.idText() + "']";
			open("/targets/local-seekdb/sessions?id=" + session.idText());
			click(row + " .dropdown-toggle");
			click(row + " a.trace-config");
			waitUntil((b) -> !b.findElements(By.cssSelector("#session-dialog.show form.trace-form")).isEmpty());
			// The settings only matter while the switch is on.
			if (!find("#trace-enabled").isSelected()) {
				click("label[for=trace-enabled]");
			}
			assertThat(find("#trace-settings").getDomProperty("disabled")).isEqualTo("false");
			click("label[for=trace-level-2]");
			find("#trace-sample").clear();
			find("#trace-sample").sendKeys("50");
			click("label[for=trace-policy-ALL]");
			click("#session-dialog .trace-submit");
			waitUntil((b) -> !b.findElements(By.cssSelector("#trace-results .trace-result[data-outcome=ENABLED]"))
				.isEmpty());
			click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
			// Closing the result refreshes the table: the row has the badge.
			waitUntil((b) -> texts(row + " .mark-traced").contains("traced L2 50% ALL"));

			click(row + " .dropdown-toggle");
			click(row + " a.trace-config");
			waitUntil((b) -> !b.findElements(By.cssSelector("#session-dialog.show #trace-current-level")).isEmpty());
			assertThat(find("#trace-current-level").getText()).isEqualTo("2");
			click("label[for=trace-enabled]");
			assertThat(find("#trace-settings").getDomProperty("disabled")).isEqualTo("true");
			click("#session-dialog .trace-submit");
			waitUntil((b) -> !b.findElements(By.cssSelector("#trace-results .trace-result[data-outcome=DISABLED]"))
				.isEmpty());
			click("#session-dialog .modal-footer button[data-bs-dismiss=modal]");
			waitUntil((b) -> !texts(row + " .mark-traced").contains("traced L2 50% ALL"));
		}
	}

	private void open(String path) {
		if (!signedIn) {
			browser.get("http://localhost:" + this.port + "/login");
			find("#username").sendKeys(TestUsers.OPERATOR);
			find("#password").sendKeys(TestUsers.PASSWORD);
			click("button[type=submit]");
			waitUntil((b) -> !b.getCurrentUrl().contains("/login"));
			signedIn = true;
		}
		browser.get("http://localhost:" + this.port + path);
		waitUntil((b) -> !b.findElements(By.cssSelector("#session-region")).isEmpty());
	}

	private static WebElement find(String css) {
		return browser.findElement(By.cssSelector(css));
	}

	private static void click(String css) {
		waitUntil((b) -> find(css).isDisplayed() && find(css).isEnabled());
		find(css).click();
	}

	private static List<String> texts(String css) {
		return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	private static String status() {
		return find("#refresh-status").getText();
	}

	/** The snapshot instant the table shows: it changes with every refresh. */
	private static String snapshot() {
		return browser.findElement(By.id("snapshot-time")).getDomAttribute("datetime");
	}

	private static void waitUntil(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(RuntimeException.class).until(condition::apply);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
