package com.obconsole.token;

import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.obconsole.web.Problems;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tokens}: a user's API tokens (an admin's: everyone's), made and revoked with a password, not a token. */
@RestController
class TokenApiController {

	private final ApiTokens tokens;

	private final MessageSource messages;

	TokenApiController(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/api/tokens")
	List<TokenJson> list(Principal principal) {
		Instant now = Instant.now();
		return this.tokens.visibleTo(owner(principal), TokenRequests.roleOf(principal))
			.stream()
			.map((t) -> TokenJson.of(t, now))
			.toList();
	}

	@PostMapping("/api/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody NewTokenJson request, Principal principal) {
		TokenRequests.refuseTokens(principal);
		String owner = (request.owner() == null || request.owner().isEmpty()) ? principal.getName() : request.owner();
		int days = (request.expiresInDays() != null) ? request.expiresInDays() : TokenRequests.DEFAULT_DAYS;
		ApiTokens.CreatedToken created = this.tokens.create(principal.getName(), TokenRequests.roleOf(principal), owner,
				request.name(), TokenRequests.role(request.role()), days);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("token", created.token());
		answer.put("details", TokenJson.of(created.kept(), Instant.now()));
		return answer;
	}

	@DeleteMapping("/api/tokens/{id}")
	TokenJson revoke(@PathVariable String id, Principal principal) {
		TokenRequests.refuseTokens(principal);
		return TokenJson.of(this.tokens.revoke(principal.getName(), TokenRequests.roleOf(principal), TokenRequests.id(id)),
				Instant.now());
	}

	@PostMapping("/api/tokens/{id}/revoke")
	TokenJson revokeByPost(@PathVariable String id, Principal principal) {
		return revoke(id, principal);
	}

	@ExceptionHandler(TokenRequestException.class)
	ProblemDetail badRequest(TokenRequestException ex, Locale locale) {
		HttpStatus status = "token.bad.byToken".equals(ex.getCodes()[0]) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
		return Problems.of(status, ex, this.messages, locale);
	}

	@ExceptionHandler(TokenNotFoundException.class)
	ProblemDetail notFound(TokenNotFoundException ex, Locale locale) {
		return Problems.of(HttpStatus.NOT_FOUND, ex, this.messages, locale);
	}

	/** A token's calls list its owner's tokens. */
	private static String owner(Principal principal) {
		return (principal instanceof TokenAuthentication token) ? token.token().owner() : principal.getName();
	}

}
