package com.obconsole.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which URL, in one place: the rules of both filter chains, and the words that explain
 * a refusal ("Your role VIEWER may not close sessions; ask for OPERATOR").
 */
final class AccessRules {

	/** Reachable without signing in. */
	static final String[] PUBLIC_PAGES = { "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error" };

	/** Orchestrator probes: they speak of the console alone, never of targets, so they are public. */
	static final String[] PROBES = { "/actuator/health/liveness", "/actuator/health/readiness" };

	/** Micrometer's Prometheus scrape: for ADMIN, or a METRICS scraper that may read nothing else. */
	static final String PROMETHEUS = "/actuator/prometheus";

	/** The methods that change something. */
	private static final List<HttpMethod> CHANGES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
			HttpMethod.PATCH);

	private AccessRules() {
	}

	/** Pages and htmx fragments (form login, CSRF). */
	static void pages(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		// Forwards (the access-denied page) and error dispatches were authorized on their way in.
		rules.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
		rules.requestMatchers(PUBLIC_PAGES).permitAll();
		rules.requestMatchers("/audit/**", "/audit.csv").hasRole(Role.ADMIN.name());
		for (HttpMethod change : CHANGES) {
			rules.requestMatchers(change, "/targets/**").hasRole(Role.OPERATOR.name());
			// Everyone manages their own API tokens; what a token may do is checked where it is made.
			rules.requestMatchers(change, "/tokens/**").hasRole(Role.VIEWER.name());
		}
		rules.requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name());
		rules.requestMatchers(HttpMethod.HEAD, "/**").hasRole(Role.VIEWER.name());
		// A new kind of change is for admins until someone decides otherwise.
		rules.anyRequest().hasRole(Role.ADMIN.name());
	}

	/** The JSON API and the actuator (HTTP Basic, stateless). */
	static void api(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(PROBES).permitAll();
		// ADMIN implies METRICS (SecurityConfiguration's role hierarchy).
		rules.requestMatchers(HttpMethod.GET, PROMETHEUS).hasRole(Role.METRICS.name());
		// Health details name targets and their errors.
		rules.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
		rules.requestMatchers("/api/audit/**").hasRole(Role.ADMIN.name());
		for (HttpMethod change : CHANGES) {
			rules.requestMatchers(change, "/api/targets/**").hasRole(Role.OPERATOR.name());
			rules.requestMatchers(change, "/api/tokens/**").hasRole(Role.VIEWER.name());
		}
		rules.requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name());
		rules.requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(Role.VIEWER.name());
		rules.anyRequest().hasRole(Role.ADMIN.name());
	}

	/**
	 * What a refused request tried to do, as a message key, and the role it needs. Mirrors the rules
	 * above.
	 */
	static Refusal refusalOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/audit") || path.startsWith("/api/audit")) {
			return new Refusal("denied.action.audit", Role.ADMIN);
		}
		if (path.startsWith("/actuator")) {
			return new Refusal("denied.action.actuator", Role.ADMIN);
		}
		boolean change = CHANGES.stream().anyMatch((method) -> method.matches(request.getMethod()));
		if (change && (path.startsWith("/targets/") || path.startsWith("/api/targets/"))) {
			return new Refusal(sessionActionOf(path), Role.OPERATOR);
		}
		if (!change) {
			// Only a METRICS-only user is refused a read: reading needs VIEWER.
			return new Refusal("denied.action.browse", Role.VIEWER);
		}
		return new Refusal("denied.action.other", Role.ADMIN);
	}

	private static String sessionActionOf(String path) {
		if (path.contains("trac")) {
			return "denied.action.trace";
		}
		if (path.contains("quer")) {
			return "denied.action.close-query";
		}
		if (path.contains("close") || path.contains("kill")) {
			return "denied.action.close-session";
		}
		return "denied.action.change-session";
	}

	/**
	 * Why a request was refused.
	 *
	 * @param actionKey message key of what it tried to do, e.g. "close sessions"
	 * @param required the least role that may do it
	 */
	record Refusal(String actionKey, Role required) {
	}

}
