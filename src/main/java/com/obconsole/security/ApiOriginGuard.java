package com.obconsole.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing API call that a page of another origin could have made with the
 * browser's cached Basic credentials. A JSON body cannot be sent without a CORS preflight, which
 * the console never approves, and the browser's own Origin and Sec-Fetch-Site say where the call
 * came from. Runs in the API chain after authentication (so the log names the user) and before any
 * controller.
 */
class ApiOriginGuard extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ApiOriginGuard.class);

	private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

	/** same-origin is the console's own page; none is a typed URL or a script that sends it. */
	private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

	private final ProblemResponses problems;

	ApiOriginGuard(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !CHANGES.contains(request.getMethod()) || !path.startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.toLowerCase(Locale.ROOT))
				|| origin != null && !origin.equals(ownOrigin(request)) && !sameOrigin(origin, request)) {
			warn(request, "another origin", origin, fetchSite);
			this.problems.refuse(request, response, HttpStatus.FORBIDDEN, "api.otherOrigin");
			return;
		}
		if (!isJson(request.getContentType())) {
			warn(request, "no JSON content type", origin, fetchSite);
			this.problems.refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.jsonRequired");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isJson(String contentType) {
		try {
			return contentType != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException unreadable) {
			return false;
		}
	}

	/** Scheme, host and port as Tomcat sees them, which honours server.forward-headers-strategy. */
	static String ownOrigin(HttpServletRequest request) {
		return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
	}

	/** An Origin leaves out a default port and may differ in case. */
	private static boolean sameOrigin(String origin, HttpServletRequest request) {
		try {
			URI uri = URI.create(origin);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return false;
			}
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			return uri.getScheme().equalsIgnoreCase(request.getScheme())
					&& uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
		}
		catch (IllegalArgumentException unreadable) {
			return false;
		}
	}

	private static void warn(HttpServletRequest request, String reason, String origin, String fetchSite) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		String name = user != null && user.isAuthenticated() ? user.getName() : "-";
		log.warn("API call refused ({}): {} {} Origin={} Sec-Fetch-Site={} user={}", reason, request.getMethod(),
				request.getRequestURI(), origin, fetchSite, name);
	}

}
