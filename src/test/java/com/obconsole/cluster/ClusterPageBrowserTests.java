package com.obconsole.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestTargets;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.TestSession;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Session Management in headless Chromium under the console's own Content-Security-Policy: the
 * list on both ways in keeps its URL on that way as htmx filters, sorts and refreshes it, and the
 * tenant selector carries that URL state to the tenant chosen. Screenshots of each page go to
 * {@code target/screenshots/}. Skipped, saying so, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusterPageBrowserTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static WebDriver browser;

	static TestSession sleeper;

	static boolean signedIn;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "ob", LocalEngines.seekdb(SeekdbRelease.V1_3));
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void startBrowser() throws SQLException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
						+ ")");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1600,1000");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.build();
		browser = new ChromeDriver(service, options);
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		sleeper = TestSession.running(seekdb, "SELECT SLEEP(600) AS cluster_browser_test");
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

	/** Nothing the pages do may be refused by the Content-Security-Policy. */
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
	void theListKeepsItsUrlOnTheWayTheDbaCameAndTheTenantSelectorCarriesIt() {
		open("/clusters/ob/diagnostics/sessions?tenant=sys&refresh=2");
		screenshot("method-1-tenant-session");
		// A column search through htmx: the URL the browser shows stays on Method 1.
		find("th[data-column=user] summary").click();
		WebElement search = find("#search-user");
		search.sendKeys("roo", Keys.ENTER);
		waitUntil((b) -> b.getCurrentUrl().contains("user=roo"));
		assertThat(browser.getCurrentUrl()).contains("/clusters/ob/diagnostics/sessions?", "tenant=sys", "refresh=2");
		find("th[data-column=id] a.sort-link").click();
		waitUntil((b) -> b.getCurrentUrl().contains("sort=id"));
		assertThat(browser.getCurrentUrl()).contains("/clusters/ob/diagnostics/sessions?", "user=roo");

		// seekdb has one tenant: offer another to see what choosing it asks for.
		((JavascriptExecutor) browser).executeScript(
				"var o = document.createElement('option'); o.value = o.textContent = 'other';"
						+ "document.getElementById('tenant-select').appendChild(o);");
		new Select(find("#tenant-select")).selectByValue("other");
		waitUntil((b) -> b.getCurrentUrl().contains("tenant=other"));
		assertThat(browser.getCurrentUrl()).contains("/clusters/ob/diagnostics/sessions?", "user=roo", "sort=id",
				"refresh=2");
		assertThat(find("#unknown-cluster").getText()).contains("other");
	}

	@Test
	void onTheTenantsWaySortingAndAutoRefreshStayOnItsUrl() {
		open("/clusters/ob/tenants/sys/sessions?refresh=2");
		screenshot("method-2-tenant-session");
		String first = find("#snapshot-time").getAttribute("datetime");
		waitUntil((b) -> !find("#snapshot-time").getAttribute("datetime").equals(first));
		find("th[data-column=time] a.sort-link").click();
		waitUntil((b) -> b.getCurrentUrl().contains("sort=time"));
		assertThat(browser.getCurrentUrl()).contains("/clusters/ob/tenants/sys/sessions?", "refresh=2")
			.doesNotContain("tenant=");
		assertThat(find("tr[data-session-id='" + sleeper.id() + "']")).isNotNull();
	}

	@Test
	void pagesOfBothWaysRender() {
		for (String page : List.of("/clusters", "/clusters/ob", "/tenants", "/clusters/ob/tenants/sys",
				"/clusters/ob/diagnostics/statistics?tenant=sys", "/clusters/ob/tenants/sys/statistics")) {
			open(page);
			screenshot(page.substring(1).replaceAll("[^a-z0-9]+", "-"));
		}
		find("#by-user tbody tr .total a").click();
		waitUntil((b) -> b.getCurrentUrl().contains("/clusters/ob/tenants/sys/sessions?user="));
		assertThat(browser.findElements(By.cssSelector("#sessions tbody tr[data-session-id]"))).isNotEmpty();
	}

	private void open(String path) {
		if (!signedIn) {
			browser.get("http://localhost:" + this.port + "/login");
			find("#username").sendKeys(TestUsers.OPERATOR);
			find("#password").sendKeys(TestUsers.PASSWORD);
			find("button[type=submit]").click();
			waitUntil((b) -> !b.getCurrentUrl().contains("/login"));
			signedIn = true;
		}
		browser.get("http://localhost:" + this.port + path);
		waitUntil((b) -> !b.findElements(By.cssSelector("main h1")).isEmpty());
	}

	private static WebElement find(String css) {
		return browser.findElement(By.cssSelector(css));
	}

	private static void waitUntil(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
	}

	private static void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve("cluster-" + name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
