package com.obconsole.cluster;

import java.sql.SQLException;
import java.util.List;

import com.obconsole.browser.HeadlessChromium;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session Management in headless Chromium under the console's own Content-Security-Policy: the
 * list on both ways in keeps its URL on that way as htmx filters, sorts and refreshes it, and the
 * tenant selector carries that URL state to the tenant chosen. Screenshots of each page go to
 * {@code target/screenshots/}. Skipped, saying so, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusterPageBrowserTests {

	static HeadlessChromium browser;

	static TestSession sleeper;

	static boolean signedIn;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "ob", LocalEngines.seekdb(SeekdbRelease.V1_3));
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void startBrowser(@LocalServerPort int port) throws SQLException {
		browser = HeadlessChromium.start("http://localhost:" + port, 1600, 1000);
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		sleeper = TestSession.running(seekdb, "SELECT SLEEP(600) AS cluster_browser_test");
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

	/** Nothing the pages do may be refused by the Content-Security-Policy. */
	@AfterEach
	void noContentSecurityPolicyViolations() {
		assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
	}

	@Test
	void theListKeepsItsUrlOnTheWayTheDbaCameAndTheTenantSelectorCarriesIt() {
		open("/clusters/ob/diagnostics/sessions?tenant=sys&refresh=2");
		screenshot("method-1-tenant-session");
		// A column search through htmx: the URL the browser shows stays on Method 1.
		browser.find("th[data-column=user] summary").click();
		WebElement search = browser.find("#search-user");
		search.sendKeys("roo", Keys.ENTER);
		browser.waitUntil((b) -> b.getCurrentUrl().contains("user=roo"));
		assertThat(browser.currentUrl()).contains("/clusters/ob/diagnostics/sessions?", "tenant=sys", "refresh=2");
		browser.find("th[data-column=id] a.sort-link").click();
		browser.waitUntil((b) -> b.getCurrentUrl().contains("sort=id"));
		assertThat(browser.currentUrl()).contains("/clusters/ob/diagnostics/sessions?", "user=roo");

		// seekdb has one tenant: offer another to see what choosing it asks for.
		browser.script(
				"var o = document.createElement('option'); o.value = o.textContent = 'other';"
						+ "document.getElementById('tenant-select').appendChild(o);");
		new Select(browser.find("#tenant-select")).selectByValue("other");
		browser.waitUntil((b) -> b.getCurrentUrl().contains("tenant=other"));
		assertThat(browser.currentUrl()).contains("/clusters/ob/diagnostics/sessions?", "user=roo", "sort=id",
				"refresh=2");
		assertThat(browser.find("#unknown-cluster").getText()).contains("other");
	}

	@Test
	void onTheTenantsWaySortingAndAutoRefreshStayOnItsUrl() {
		open("/clusters/ob/tenants/sys/sessions?refresh=2");
		screenshot("method-2-tenant-session");
		String first = browser.find("#snapshot-time").getAttribute("datetime");
		browser.waitUntil((b) -> !browser.find("#snapshot-time").getAttribute("datetime").equals(first));
		browser.find("th[data-column=time] a.sort-link").click();
		browser.waitUntil((b) -> b.getCurrentUrl().contains("sort=time"));
		assertThat(browser.currentUrl()).contains("/clusters/ob/tenants/sys/sessions?", "refresh=2")
			.doesNotContain("tenant=");
		assertThat(browser.find("tr[data-session-id='" + sleeper.id() + "']")).isNotNull();
	}

	@Test
	void pagesOfBothWaysRender() {
		for (String page : List.of("/clusters", "/clusters/ob", "/tenants", "/clusters/ob/tenants/sys",
				"/clusters/ob/diagnostics/statistics?tenant=sys", "/clusters/ob/tenants/sys/statistics")) {
			open(page);
			screenshot(page.substring(1).replaceAll("[^a-z0-9]+", "-"));
		}
		browser.find("#by-user tbody tr .total a").click();
		browser.waitUntil((b) -> b.getCurrentUrl().contains("/clusters/ob/tenants/sys/sessions?user="));
		assertThat(browser.findAll("#sessions tbody tr[data-session-id]")).isNotEmpty();
	}

	private void open(String path) {
		if (!signedIn) {
			browser.signIn(TestUsers.OPERATOR, TestUsers.PASSWORD);
			signedIn = true;
		}
		browser.open(path);
		browser.waitUntil((b) -> browser.isPresent("main h1"));
	}

	private static void screenshot(String name) {
		browser.screenshot("cluster-" + name);
	}

}
