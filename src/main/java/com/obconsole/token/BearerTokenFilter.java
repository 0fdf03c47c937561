package com.obconsole.token;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: a valid token signs the call in as its owner,
 * with the token's role; a JWT of the company's provider ({@link OtherBearers}) signs it in as its
 * user; any other bearer value is a 401 at once (never a fall-back to another
 * way of signing in). Requests without a bearer value pass on to HTTP Basic.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint refusal;

	private final OtherBearers others;

	public BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refusal) {
		this(tokens, refusal, OtherBearers.NONE);
	}

	/** Also accepts what {@code others} accepts (a provider's JWT) for a value that is no console token. */
	public BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refusal, OtherBearers others) {
		this.tokens = tokens;
		this.refusal = refusal;
		this.others = others;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		String value = header.substring(BEARER.length()).strip();
		// A console token says so by its prefix; anything else may be the provider's JWT.
		Optional<Authentication> caller = value.startsWith(TokenSecret.PREFIX)
				? this.tokens.check(value).map(TokenAuthentication::new) : this.others.check(value);
		if (caller.isEmpty()) {
			log.warn("Refused an API call with an unknown, expired or revoked token: {} {} from {}", request.getMethod(),
					request.getRequestURI(), request.getRemoteAddr());
			SecurityContextHolder.clearContext();
			this.refusal.commence(request, response, new BadCredentialsException("token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(caller.get());
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
