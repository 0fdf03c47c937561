package com.obconsole.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.obconsole.audit.AuditAction;
import com.obconsole.audit.AuditQuery;
import com.obconsole.audit.AuditTrail;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a password against a real LDAP directory ({@link TestDirectory}): bind as the
 * user, roles from their groups, a user in no mapped group refused and audited, wrong passwords
 * counted by the same lock as local users'. Local users still sign in beside the directory. The
 * lock (which also counts per client address) is tested last, and the context thrown away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class LdapSignInWebTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		TestDirectory directory = TestDirectory.started();
		registry.add("console.security.ldap.url", directory::url);
		registry.add("console.security.ldap.user-search-base", () -> "ou=people");
		registry.add("console.security.ldap.group-search-base", () -> "ou=groups");
		registry.add("console.security.ldap.role-mapping.console-operators", () -> "OPERATOR");
		registry.add("console.security.ldap.role-mapping.console-viewers", () -> "VIEWER");
	}

	BrowserSession browser() {
		return new BrowserSession("http://localhost:" + this.port);
	}

	@Test
	@Order(1)
	void directoryUserSignsInWithTheRoleOfTheirGroup() {
		BrowserSession browser = browser();
		HttpResponse<String> signIn = browser.signIn(TestDirectory.OPERATOR, TestDirectory.PASSWORD);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/"));
		String home = browser.get("/").body();
		assertThat(home).contains(">" + TestDirectory.OPERATOR + "<").contains(">OPERATOR<");
		assertThat(browser.get("/audit").statusCode()).isEqualTo(403);
	}

	@Test
	@Order(2)
	void httpBasicTakesDirectoryUsersWithTheirRole() throws Exception {
		assertThat(basic("/api/targets", TestDirectory.VIEWER, TestDirectory.PASSWORD).statusCode()).isEqualTo(200);
		HttpResponse<String> audit = basic("/api/audit", TestDirectory.VIEWER, TestDirectory.PASSWORD);
		assertThat(audit.statusCode()).isEqualTo(403);
		assertThat(audit.body()).contains("Your role VIEWER");
	}

	@Test
	@Order(3)
	void localUsersStillSignIn() {
		BrowserSession browser = browser();
		browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
		assertThat(browser.get("/audit").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void userInNoMappedGroupIsRefusedAndAudited() {
		BrowserSession browser = browser();
		HttpResponse<String> signIn = browser.signIn(TestDirectory.OUTSIDER, TestDirectory.PASSWORD);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login?norole"));
		assertThat(browser.get("/login?norole").body()).contains("mark is in no group that has a role in this console");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(this.audit.find(new AuditQuery(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60),
				TestDirectory.OUTSIDER, null, AuditAction.SIGN_IN, "REFUSED", 0, 10)).records())
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.route()).isEqualTo("LDAP");
				assertThat(r.detail()).contains("marketing");
			});
	}

	@Test
	@Order(4)
	void aScriptWithHttpBasicDoesNotBindForEveryCall() throws Exception {
		// As for local users and bcrypt: a pair the directory accepted is accepted again for
		// basic-cache-time without asking it (VerifiedPasswordsTests: a wrong one never is).
		int before = TestDirectory.started().bindsOf(TestDirectory.OPERATOR);
		for (int call = 0; call < 5; call++) {
			assertThat(basic("/api/targets", TestDirectory.OPERATOR, TestDirectory.PASSWORD).statusCode()).isEqualTo(200);
		}
		// One bind, or none where a sign-in of an earlier test is still kept; five without the cache.
		assertThat(TestDirectory.started().bindsOf(TestDirectory.OPERATOR) - before).isLessThanOrEqualTo(1);
	}

	@Test
	@Order(5)
	void wrongPasswordsAreCountedByTheLock() {
		BrowserSession browser = browser();
		for (int i = 0; i < 4; i++) {
			assertThat(browser.signIn(TestDirectory.VIEWER, "wrong-" + i).headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
		}
		// The fifth failure locks the name; then even the right password is refused.
		assertThat(browser.signIn(TestDirectory.VIEWER, "wrong-5").headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?locked"));
		assertThat(browser().signIn(TestDirectory.VIEWER, TestDirectory.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?locked"));
	}

	private HttpResponse<String> basic(String path, String username, String password) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Basic " + credentials)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
