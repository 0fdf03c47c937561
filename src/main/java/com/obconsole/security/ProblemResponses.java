package com.obconsole.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * The API's answers to anonymous, wrong or refused callers: RFC 9457 problem details in JSON, never
 * a redirect to the sign-in page, which a script could not follow. Also the answer to an address
 * the firewall refuses (an encoded line break, an empty path segment): on the API a problem detail,
 * on pages the plain 400.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

	private final JsonMapper json;

	private final Refusals refusals;

	private final MessageSource messages;

	ProblemResponses(JsonMapper json, Refusals refusals, MessageSource messages) {
		this.json = json;
		this.refusals = refusals;
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof SignInLockedException locked) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(locked.seconds()));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS, "login.locked",
					this.messages.getMessage("login.locked", new Object[] { locked.minutes() }, request.getLocale()));
			return;
		}
		// Not Basic: a browser would prompt and then attach the cached credentials to any page's call.
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"OB Session Console\"");
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		// A token is not a password: "wrong username or password" would send a script's owner the wrong way.
		String code = (authorization == null) ? "api.signIn"
				: authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? "api.token.refused" : "login.failed";
		write(request, response, HttpStatus.UNAUTHORIZED, code, this.messages.getMessage(code, null, request.getLocale()));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, Refusals.code(refusal), this.refusals.explain(request, refusal));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException, ServletException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			this.pages.handle(request, response, rejected);
			return;
		}
		write(request, response, HttpStatus.BAD_REQUEST, "input.url",
				this.messages.getMessage("input.url", null, request.getLocale()));
	}

	void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		write(request, response, status, code, this.messages.getMessage(code, null, request.getLocale()));
	}

	/** A problem detail, with the code of its message as the API's other problems have ({@code Problems}). */
	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("code", code);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
