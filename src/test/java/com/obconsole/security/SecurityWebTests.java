package com.obconsole.security;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may reach what: sign-in, roles, CSRF and headers, through the whole filter chain. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityWebTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousPageRedirectsToSignIn() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anonymousHtmxRequestIsToldToLoadTheSignInPage() throws Exception {
		this.mvc.perform(get("/").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	@Test
	void anonymousApiGets401ProblemNotARedirect() throws Exception {
		this.mvc.perform(get("/api/targets"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"OB Session Console\""))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value("Sign in to use the API: send an API token (Authorization: Bearer obsc_...) or a username and password (HTTP Basic)."));
	}

	@Test
	void actuatorsUnauthorizedAnswerDoesNotInviteBasicEither() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"OB Session Console\""));
	}

	@Test
	void apiTakesHttpBasicAndKeepsNoSession() throws Exception {
		this.mvc.perform(get("/api/targets").with(httpBasic(TestUsers.VIEWER, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(request().sessionAttributeDoesNotExist("SPRING_SECURITY_CONTEXT"))
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

	@Test
	void apiWithWrongPasswordGets401Problem() throws Exception {
		this.mvc.perform(get("/api/targets").with(httpBasic(TestUsers.VIEWER, "wrong")).with(fromClient("10.1.0.1")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Wrong username or password."));
	}

	@Test
	void signInPageIsPublicAndCarriesCsrfToken() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("action=\"/login\"")));
	}

	@Test
	void configuredUsersSignInWithTheirPassword() throws Exception {
		this.mvc.perform(formLogin().user(TestUsers.ADMIN).password(TestUsers.PASSWORD))
			.andExpect(authenticated().withUsername(TestUsers.ADMIN).withRoles("ADMIN"))
			.andExpect(redirectedUrl("/"));
		// {bcrypt}-prefixed hashes are accepted too (the operator's in application-test.yml).
		this.mvc.perform(formLogin().user(TestUsers.OPERATOR).password(TestUsers.PASSWORD))
			.andExpect(authenticated().withRoles("OPERATOR"));
	}

	@Test
	void logoutIsAPostWithCsrf() throws Exception {
		this.mvc.perform(logout()).andExpect(redirectedUrl("/login?logout")).andExpect(unauthenticated());
		this.mvc.perform(post("/logout").with(user("viewer").roles("VIEWER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagePostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/targets/x/sessions/1/close").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/denied"))
			.andExpect(deniedMessage(containsString("no valid form token")));
	}

	@Test
	void viewerMayNotCloseSessions() throws Exception {
		this.mvc.perform(post("/targets/x/sessions/1/close").with(user("viewer").roles("VIEWER")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/denied"))
			.andExpect(deniedMessage(equalTo("Your role VIEWER may not close sessions; ask for OPERATOR.")));
		this.mvc.perform(post("/targets/x/sessions/1/close-query").with(user("viewer").roles("VIEWER")).with(csrf()))
			.andExpect(deniedMessage(equalTo("Your role VIEWER may not close queries; ask for OPERATOR.")));
	}

	@Test
	void apiChangeWithoutJsonIsRefusedBeforeTheController() throws Exception {
		this.mvc.perform(post("/api/targets/x/sessions/1/close").with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Content-Type: application/json")));
	}

	@Test
	void apiChangeFromAnotherOriginIsRefused() throws Exception {
		this.mvc.perform(post("/api/targets/x/sessions/1/close").contentType(MediaType.APPLICATION_JSON)
			.header("Origin", "http://localhost:9999")
			.with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("another origin")));
		this.mvc.perform(post("/api/targets/x/sessions/1/close").contentType(MediaType.APPLICATION_JSON)
			.header("Sec-Fetch-Site", "same-site")
			.with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void apiChangeFromTheConsoleItselfPassesTheGuard() throws Exception {
		// MockMvc's request is http://localhost:80; the guard lets it through to the controller,
		// whatever that then says of the unknown target.
		this.mvc.perform(post("/api/targets/x/sessions/1/close").contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.header("Origin", "http://localhost")
			.header("Sec-Fetch-Site", "same-origin")
			.with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect((result) -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
				.isNotIn(403, 415));
	}

	@Test
	void viewerMayNotChangeTracingThroughTheApi() throws Exception {
		this.mvc.perform(post("/api/targets/x/sessions/1/trace").contentType(MediaType.APPLICATION_JSON)
			.with(httpBasic(TestUsers.VIEWER, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Your role VIEWER may not change tracing; ask for OPERATOR."));
	}

	@Test
	void operatorGetsPastTheSecurityLayerOnSessionActions() throws Exception {
		// No such handler on this branch: a 404 shows that security let the request through.
		this.mvc.perform(post("/targets/x/sessions/1/close").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void auditIsForAdmins() throws Exception {
		this.mvc.perform(get("/audit").with(user("viewer").roles("VIEWER")))
			.andExpect(status().isForbidden())
			.andExpect(deniedMessage(equalTo("Your role VIEWER may not read the audit trail; ask for ADMIN.")));
		this.mvc.perform(get("/audit").with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/audit").with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Your role OPERATOR may not read the audit trail; ask for ADMIN."));
	}

	@Test
	void actuatorIsForAdminsExceptTheProbes() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/health").with(httpBasic(TestUsers.VIEWER, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/health").with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void staticAssetsArePublic() throws Exception {
		this.mvc.perform(get("/js/csrf.js")).andExpect(status().isOk());
		this.mvc.perform(get("/css/console.css")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
	}

	@Test
	void pagesShowOnlyWhatTheUserMayUse() throws Exception {
		this.mvc.perform(get("/").with(user("viewer").roles("VIEWER")))
			.andExpect(content().string(containsString("<meta name=\"_csrf\"")))
			.andExpect(content().string(containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")))
			.andExpect(content().string(containsString("/js/csrf.js")))
			.andExpect(content().string(containsString("viewer")))
			.andExpect(content().string(not(containsString("href=\"/audit\""))));
		this.mvc.perform(get("/").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("href=\"/audit\"")))
			.andExpect(content().string(containsString("action=\"/logout\"")));
	}

	@Test
	void securityHeadersArePresent() throws Exception {
		for (String path : new String[] { "/login", "/api/targets" }) {
			this.mvc.perform(get(path))
				.andExpect(header().string("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
								+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Referrer-Policy", "same-origin"));
		}
	}

	@Test
	void pagesHaveNoInlineScriptOrStyle() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString("style="))))
			.andExpect(content().string(not(containsString("<style"))));
	}

	/** MockMvc records a forward without following it; the rendered page is checked over real HTTP. */
	static ResultMatcher deniedMessage(Matcher<? super String> message) {
		return request().attribute(PageAccessDeniedHandler.MESSAGE_ATTRIBUTE, message);
	}

	static RequestPostProcessor fromClient(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
