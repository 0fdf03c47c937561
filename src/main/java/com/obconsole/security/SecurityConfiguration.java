package com.obconsole.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;

import com.obconsole.token.ApiTokens;
import com.obconsole.token.BearerTokenFilter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in and roles. Two filter chains: the JSON API and the actuator take bearer tokens (the
 * console's own, and JWTs of the company's OpenID Connect provider) and HTTP Basic, and keep no
 * session (so they need no CSRF token); pages take the sign-in form and "Sign in with ..." (OIDC),
 * keep a session and check a CSRF token on every change. Passwords (local users, then LDAP) go
 * through one throttled authentication, so a password guessed through the API counts against the
 * same lock as one guessed through the form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No inline script or style anywhere: htmx runs with allowEval off and no indicator styles
	 * (see the layout's htmx-config), and Bootstrap's CSS needs only data: images for its icons.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.OPERATOR.name(), Role.METRICS.name())
			.role(Role.OPERATOR.name())
			.implies(Role.VIEWER.name())
			.build();
	}

	@Bean
	SignInThrottle signInThrottle(ConsoleSecurityProperties properties, DataSource consoleDatabase) {
		// In the console's database, beside the audit trail, so that every instance shares it.
		return new SignInThrottle(properties.lockout(), Clock.systemUTC(),
				new SignInFailures(JdbcClient.create(consoleDatabase)));
	}

	/**
	 * The only way to sign in with a password. The users are deliberately not a bean of their own, so that Spring
	 * Security builds no second, unthrottled authentication from them.
	 */
	@Bean
	AuthenticationManager authenticationManager(ConsoleSecurityProperties properties, SignInThrottle throttle,
			LdapProperties ldap, OidcProvider oidc, RefusedSignIns refused, MeterRegistry meters) {
		ldap.check();
		InMemoryUserDetailsManager users = ConfiguredUsers.from(properties, ldap.active() || oidc.active());
		DaoAuthenticationProvider local = new DaoAuthenticationProvider(users);
		local.setPasswordEncoder(new BCryptPasswordEncoder());
		// Local users first, then the directory; one throttle around both, so a failure counts once.
		AuthenticationProvider passwords = ldap.active() ? new LocalThenDirectory(local, new LdapSignIn(ldap, refused))
				: local;
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, users, throttle,
				new VerifiedPasswords(properties.basicCacheTime(), Clock.systemUTC()), new SignInMeters(meters)));
	}

	/** The company's OpenID Connect provider; inactive without {@code console.security.oidc.issuer-uri}. */
	@Bean
	OidcProvider oidcProvider(OidcProperties properties, SignInFormProperties form, Clock clock) {
		OidcProvider provider = new OidcProvider(properties, clock);
		form.check(properties);
		return provider;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			ProblemResponses problems, ApiTokens tokens, OidcProvider oidc) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authenticationManager(authenticationManager)
			// A token is checked first, in well under a millisecond; without one, HTTP Basic.
			.addFilterBefore(new BearerTokenFilter(tokens, problems, new OidcBearerTokens(oidc)),
					BasicAuthenticationFilter.class)
			.authorizeHttpRequests(AccessRules::api)
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// No session cookie is accepted here; cached Basic credentials are, so ApiOriginGuard
			// refuses changes from other origins and without a JSON body instead of a CSRF token.
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(new ApiOriginGuard(problems), AuthorizationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.headers((headers) -> headers(headers, CONTENT_SECURITY_POLICY));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			PageAccessDeniedHandler deniedPage, SignInFormProperties form, OidcProvider oidc, RefusedSignIns refused)
			throws Exception {
		http.authenticationManager(authenticationManager).authorizeHttpRequests(AccessRules::pages);
		if (form.enabled()) {
			http.formLogin((login) -> login.loginPage(SignInController.LOGIN_PATH)
				.failureHandler(SecurityConfiguration::signInFailed)
				.permitAll());
		}
		if (oidc.active()) {
			OidcSignIn.configure(http, oidc, refused, SecurityConfiguration::signInFailed, authenticationManager);
		}
		http.logout((logout) -> logout.logoutSuccessHandler(OidcSignIn.signOut(oidc)).permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInEntryPoint())
				.accessDeniedHandler(deniedPage))
			.headers((headers) -> headers(headers, OidcSignIn.contentSecurityPolicy(CONTENT_SECURITY_POLICY, oidc)));
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy))
			.frameOptions((frames) -> frames.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String query = "?error";
		NoConsoleRoleException noRole = OidcSignIn.noRole(failure);
		if (failure instanceof SignInLockedException locked) {
			// The page reads the figure from the session, so that a link cannot make it say anything.
			request.getSession().setAttribute(SignInController.LOCKED_UNTIL_ATTRIBUTE, locked.until());
			query = "?locked";
		}
		else if (noRole != null) {
			// As the lock's figure: the name comes from the session, never from the URL.
			request.getSession().setAttribute(SignInController.NO_ROLE_ATTRIBUTE, noRole.username());
			query = "?norole";
		}
		else if (OidcSignIn.isProviderFailure(failure)) {
			query = "?provider";
		}
		response.sendRedirect(request.getContextPath() + SignInController.LOGIN_PATH + query);
	}

	/**
	 * Sends a browser to the sign-in page. An htmx request (a session that expired behind a
	 * refreshing table) gets a 401 with HX-Redirect instead, so that htmx loads the sign-in page as
	 * a whole page rather than swapping it into the table.
	 */
	private static AuthenticationEntryPoint signInEntryPoint() {
		LoginUrlAuthenticationEntryPoint form = new LoginUrlAuthenticationEntryPoint(SignInController.LOGIN_PATH);
		return (request, response, failure) -> {
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.setHeader("HX-Redirect", request.getContextPath() + SignInController.LOGIN_PATH);
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				return;
			}
			form.commence(request, response, failure);
		};
	}

}
