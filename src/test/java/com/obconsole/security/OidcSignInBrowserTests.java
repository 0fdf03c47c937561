package com.obconsole.security;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import com.obconsole.audit.AuditAction;
import com.obconsole.audit.AuditQuery;
import com.obconsole.audit.AuditRecord;
import com.obconsole.audit.AuditTrail;
import com.obconsole.browser.HeadlessChromium;
import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Sign in with Test SSO" in headless Chromium, against a real provider ({@link TestOidcProvider}):
 * the user signs in at the provider's own page and comes back with the role of their groups; an
 * operator closes a real seekdb session, a viewer cannot; a user in no mapped group is refused with
 * a page that says so, and audited; sign-out ends the provider's session too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OidcSignInBrowserTests {

	static final int PORT = FreePorts.unused();

	static HeadlessChromium browser;

	@Autowired
	AuditTrail audit;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		OidcTestSettings.consoleAt(PORT, registry);
		TestTargets.register(registry, 0, "local-seekdb", LocalEngines.seekdb());
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void startBrowser() {
		// 127.0.0.1, not localhost: the provider is at localhost, and refuses localhost redirect URIs.
		browser = HeadlessChromium.start("http://127.0.0.1:" + PORT, 1400, 900);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	/** Each test starts signed out of both the console and the provider. */
	@BeforeEach
	void signedOutEverywhere() {
		browser.driver().get(TestOidcProvider.started().issuer() + "/login");
		browser.driver().manage().deleteAllCookies();
		browser.open("/login");
		browser.driver().manage().deleteAllCookies();
	}

	@Test
	void operatorSignsInAtTheProviderAndClosesASession() throws SQLException {
		try (TestSession session = TestSession.idle(LocalEngines.seekdb())) {
			signInAtProvider(TestOidcProvider.OPERATOR);
			assertThat(browser.find("#current-user").getText()).contains(TestOidcProvider.OPERATOR).contains("OPERATOR");
			browser.open("/targets/local-seekdb/sessions?sort=id&direction=desc&size=200");
			browser.find("tr[data-session-id='" + session.idText() + "'] .row-select").click();
			browser.click(".selection-action[value=session]");
			browser.waitUntil((b) -> b.findElements(By.cssSelector("#session-dialog.show .confirm-sessions tbody tr")).size() == 1);
			browser.click("#session-dialog .confirm-submit");
			browser.waitUntil((b) -> !b.findElements(By.cssSelector("#close-results .close-result[data-outcome=CLOSED]")).isEmpty());
			assertThat(session.isUsable()).isFalse();
			// The audit trail names the provider's user.
			assertThat(records(AuditAction.CLOSE_SESSION)).anySatisfy((r) -> assertThat(r.actor()).isEqualTo(TestOidcProvider.OPERATOR));

			// Sign-out ends the console's session and the provider's (RP-initiated logout).
			browser.driver().navigate().refresh();
			browser.click("#current-user + button[type=submit]");
			waitFor((b) -> b.getCurrentUrl().contains("/login?logout"));
			assertThat(browser.currentUrl()).startsWith("http://127.0.0.1:" + PORT);
			browser.click("#login-oidc-button");
			waitFor((b) -> b.getCurrentUrl().startsWith(TestOidcProvider.started().issuer() + "/login"));
		}
	}

	@Test
	void viewerSignsInAndMayNotClose() throws SQLException {
		try (TestSession session = TestSession.idle(LocalEngines.seekdb())) {
			signInAtProvider(TestOidcProvider.VIEWER);
			assertThat(browser.find("#current-user").getText()).contains(TestOidcProvider.VIEWER).contains("VIEWER");
			browser.open("/targets/local-seekdb/sessions?sort=id&direction=desc&size=200");
			browser.waitUntil((b) -> !b.findElements(By.cssSelector("tr[data-session-id='" + session.idText() + "']")).isEmpty());
			assertThat(browser.isPresent(".row-select")).isFalse();
			// And the URL rules refuse what the page does not offer.
			Object status = browser.script("""
					const token = document.querySelector('meta[name=_csrf]').content;
					const header = document.querySelector('meta[name=_csrf_header]').content;
					return fetch('/targets/local-seekdb/sessions/' + arguments[0] + '/close',
					    {method: 'POST', headers: {[header]: token}}).then((r) => r.status);""", session.idText());
			assertThat(status).isEqualTo(403L);
			assertThat(session.isUsable()).isTrue();
		}
	}

	@Test
	void userWithoutAMappedGroupIsRefusedAndAudited() {
		browser.open("/login");
		browser.click("#login-oidc-button");
		submitAtProvider(TestOidcProvider.OUTSIDER);
		waitFor((b) -> b.getCurrentUrl().contains("/login?norole"));
		assertThat(browser.find("#login-no-role").getText()).isEqualTo(
				"nora is in no group that has a role in this console, so the sign-in was refused. Ask an administrator to add you to a DBA group.");
		browser.open("/");
		waitFor((b) -> b.getCurrentUrl().contains("/login"));
		assertThat(records(AuditAction.SIGN_IN)).anySatisfy((r) -> {
			assertThat(r.actor()).isEqualTo(TestOidcProvider.OUTSIDER);
			assertThat(r.outcome()).isEqualTo("REFUSED");
			assertThat(r.route()).isEqualTo("OIDC");
			assertThat(r.detail()).contains("marketing");
		});
	}

	@Test
	void signInPageOffersBothWays() {
		browser.open("/login");
		assertThat(browser.find("#login-oidc-button").getText()).isEqualTo("Sign in with Test SSO");
		assertThat(browser.isPresent("#login-form")).isTrue();
		assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
	}

	private static void signInAtProvider(String username) {
		browser.open("/login");
		browser.click("#login-oidc-button");
		submitAtProvider(username);
		waitFor((b) -> b.getCurrentUrl().startsWith("http://127.0.0.1:" + PORT)
				&& !b.getCurrentUrl().contains("/login"));
	}

	/** The provider's own sign-in page (Spring Security's default form). */
	private static void submitAtProvider(String username) {
		waitFor((b) -> b.getCurrentUrl().startsWith(TestOidcProvider.started().issuer() + "/login"));
		browser.find("#username").sendKeys(username);
		browser.find("#password").sendKeys(TestOidcProvider.PASSWORD);
		browser.click("button[type=submit]");
	}

	/** Waits, and says where the browser is when it gives up: the flow crosses two servers. */
	private static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		try {
			browser.waitUntil(condition);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			String page = browser.driver().getPageSource();
			throw new AssertionError("Gave up at " + browser.currentUrl() + ": "
					+ page.substring(0, Math.min(page.length(), 2000)), ex);
		}
	}

	private List<AuditRecord> records(AuditAction action) {
		return this.audit.find(new AuditQuery(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), null, null,
				action, null, 0, 100)).records();
	}

}
