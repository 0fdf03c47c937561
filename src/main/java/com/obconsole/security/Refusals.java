package com.obconsole.security;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** Explains a refused request in words a DBA can act on, for the error page and the API alike. */
@Component
class Refusals {

	private final MessageSource messages;

	Refusals(MessageSource messages) {
		this.messages = messages;
	}

	/** The code of the message {@link #explain} gives. */
	static String code(Exception refusal) {
		return (refusal instanceof CsrfException) ? "denied.csrf" : "denied.role";
	}

	String explain(HttpServletRequest request, Exception refusal) {
		Locale locale = request.getLocale();
		if (refusal instanceof CsrfException) {
			return this.messages.getMessage("denied.csrf", null, locale);
		}
		AccessRules.Refusal what = AccessRules.refusalOf(request);
		String action = this.messages.getMessage(what.actionKey(), null, locale);
		return this.messages.getMessage("denied.role", new Object[] { highestRole(), action, what.required() },
				locale);
	}

	/** The highest console role the signed-in user holds, as configured. */
	static Role highestRole() {
		Authentication authentication = Actor.signedIn();
		if (authentication == null) {
			return null;
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map(Role::ofAuthority)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

}
