package com.obconsole.token;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import com.obconsole.security.Role;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The API tokens page: a user's tokens (an admin's: everyone's), a form to make one, shown once,
 * and Revoke.
 */
@Controller
class TokenPageController {

	private static final String VIEW = "token/list";

	private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

	private final ApiTokens tokens;

	private final MessageSource messages;

	TokenPageController(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/tokens")
	String list(Principal principal, Model model) {
		return page(principal, model);
	}

	@PostMapping("/tokens")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String role,
			@RequestParam(required = false) String days, @RequestParam(required = false) String owner,
			Principal principal, Model model, HttpServletResponse response, Locale locale) {
		String forWhom = (owner == null || owner.isEmpty()) ? principal.getName() : owner;
		try {
			ApiTokens.CreatedToken created = this.tokens.create(principal.getName(), TokenRequests.roleOf(principal),
					forWhom, name, TokenRequests.role(role), TokenRequests.days(days));
			// Shown in this answer only: never kept, never in a URL, never cached.
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("created", created);
		}
		catch (TokenRequestException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("tokenError", this.messages.getMessage(ex, locale));
		}
		return page(principal, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@PathVariable String id, Principal principal, Model model, HttpServletResponse response,
			Locale locale) {
		try {
			ApiToken revoked = this.tokens.revoke(principal.getName(), TokenRequests.roleOf(principal),
					TokenRequests.id(id));
			model.addAttribute("revoked", revoked);
		}
		catch (TokenNotFoundException ex) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("tokenError", this.messages.getMessage(ex, locale));
		}
		return page(principal, model);
	}

	private String page(Principal principal, Model model) {
		Role role = TokenRequests.roleOf(principal);
		model.addAttribute("now", Instant.now());
		model.addAttribute("times", TIMES);
		model.addAttribute("tokens", this.tokens.visibleTo(principal.getName(), role));
		model.addAttribute("isAdmin", role == Role.ADMIN);
		// A token's role is one its owner's includes; METRICS (a scraper's) last, so it is never the default.
		model.addAttribute("roles", Arrays.stream(Role.values())
			.filter(role::includes)
			.sorted(Comparator.comparing((Role r) -> r == Role.METRICS))
			.toList());
		model.addAttribute("defaultDays", TokenRequests.DEFAULT_DAYS);
		model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
		return VIEW;
	}

}
