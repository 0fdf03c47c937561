package com.obconsole.security;

import java.net.http.HttpResponse;

import com.obconsole.localengine.FreePorts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that cannot be reached does not stop the console: it starts, the sign-in page says
 * the provider cannot be reached (no link to follow), and local users still sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcProviderDownWebTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void deadProvider(DynamicPropertyRegistry registry) {
		int nobody = FreePorts.unused();
		registry.add("console.security.oidc.issuer-uri", () -> "http://127.0.0.1:" + nobody + "/realms/dba");
		registry.add("console.security.oidc.client-id", () -> "console");
		registry.add("console.security.oidc.provider-name", () -> "Company SSO");
		registry.add("console.security.oidc.role-mapping.dba", () -> "OPERATOR");
	}

	@Test
	void signInPageSaysTheProviderCannotBeReachedAndLocalUsersStillSignIn() {
		BrowserSession browser = new BrowserSession("http://localhost:" + this.port);
		String page = browser.get("/login").body();
		assertThat(page).contains("Company SSO cannot be reached just now")
			.contains("id=\"login-oidc-button\"")
			.doesNotContain("href=\"/oauth2/authorization/oidc\"");
		HttpResponse<String> signIn = browser.signIn(TestUsers.OPERATOR, TestUsers.PASSWORD);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/"));
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		// Going to the provider's sign-in anyway comes back to the page, which says it failed.
		HttpResponse<String> tryAnyway = new BrowserSession("http://localhost:" + this.port).get("/oauth2/authorization/oidc");
		assertThat(tryAnyway.statusCode()).isEqualTo(302);
		assertThat(tryAnyway.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login?provider"));
	}

}
