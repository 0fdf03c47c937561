package com.obconsole.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in over real HTTP, as a browser does, and the lock after repeated failures. Every request
 * comes from 127.0.0.1, so the lock (which also counts per client address) is tested last and the
 * context is thrown away afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class SignInWebTests {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	BrowserSession browser() {
		return new BrowserSession("http://localhost:" + this.port);
	}

	@Test
	@Order(1)
	void wrongPasswordFails() {
		BrowserSession browser = browser();
		HttpResponse<String> signIn = browser.signIn(TestUsers.VIEWER, "not-the-password");
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
		assertThat(browser.get("/login?error").body()).contains("Wrong username or password.");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(2)
	void signedInViewerSeesTargetsAndAFriendlyRefusal() {
		BrowserSession browser = browser();
		HttpResponse<String> signIn = browser.signIn(TestUsers.VIEWER, TestUsers.PASSWORD);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/"));
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("viewer").doesNotContain("href=\"/audit\"");
		String csrf = BrowserSession.csrfTokenOf(home.body());
		HttpResponse<String> close = browser.post("/targets/x/sessions/1/close", "_csrf=" + csrf);
		assertThat(close.statusCode()).isEqualTo(403);
		assertThat(close.body()).contains("Your role VIEWER may not close sessions; ask for OPERATOR.")
			.contains("<nav");
		HttpResponse<String> audit = browser.get("/audit");
		assertThat(audit.statusCode()).isEqualTo(403);
		assertThat(audit.body()).contains("Your role VIEWER may not read the audit trail; ask for ADMIN.");
	}

	@Test
	@Order(3)
	void sessionCookieIsHttpOnlyAndSameSiteLax() {
		HttpResponse<String> login = browser().get("/login");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy((cookie) -> assertThat(cookie)
			.startsWith("SESSION=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	@Order(4)
	void aLinkCannotSetTheLockFigure() {
		BrowserSession browser = browser();
		String page = browser.get("/login?locked=99999").body();
		assertThat(page).contains("Too many failed sign-ins; try again later.").doesNotContain("99999")
			.doesNotContain("99,999");
	}

	@Test
	@Order(5)
	void repeatedFailuresFromOneAddressLockIt() {
		// With the failure of test 1, four failures from this address, then another user's success:
		// that success must not reset the address count, or one valid account would let its holder
		// guess the others for ever. The fifth failure locks.
		BrowserSession browser = browser();
		for (int i = 1; i <= 3; i++) {
			assertThat(browser.signIn(TestUsers.ADMIN, "guess-" + i).headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
		}
		assertThat(browser().signIn(TestUsers.VIEWER, TestUsers.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/"));
		HttpResponse<String> last = browser.signIn(TestUsers.OPERATOR, "guess-5");
		assertThat(last.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?locked"));
		assertThat(browser.get("/login?locked").body())
			.contains("Too many failed sign-ins; try again in 15 minutes.");
		// The right password is refused too while the lock lasts.
		assertThat(browser().signIn(TestUsers.ADMIN, TestUsers.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?locked"));
		// And through the API, with a Retry-After.
		ResponseEntity<String> api = this.http.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD)
			.getForEntity("/api/targets", String.class);
		assertThat(api.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(api.getHeaders().getFirst("Retry-After")).isNotNull();
		assertThat(api.getBody()).contains("Too many failed sign-ins; try again in 15 minutes.");
		// The client address failed five times as well, so a name that does not exist reads the same.
		assertThat(browser().signIn("nobody", "x").headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?locked"));
	}

}
