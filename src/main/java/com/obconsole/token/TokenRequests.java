package com.obconsole.token;

import java.security.Principal;

import com.obconsole.security.Role;
import com.obconsole.security.UserRoles;

import org.springframework.security.core.Authentication;

/** What the page and the API read from a token request, read the same strict way. */
final class TokenRequests {

	static final int DEFAULT_DAYS = 90;

	private TokenRequests() {
	}

	/** A role spelled exactly as documented (upper case), or a 400 naming the parameter. */
	static Role role(String text) {
		for (Role role : Role.values()) {
			if (role.name().equals(text)) {
				return role;
			}
		}
		throw new TokenRequestException("token.bad.roleName", String.valueOf(text));
	}

	/** Days as plain digits, or the default when not given. */
	static int days(String text) {
		if (text == null || text.isEmpty()) {
			return DEFAULT_DAYS;
		}
		if (!text.matches("[0-9]{1,4}")) {
			throw new TokenRequestException("token.bad.days", text, ApiTokens.MAX_DAYS);
		}
		return Integer.parseInt(text);
	}

	/** A token id as plain digits, or a 404 that names what was asked for: there is no such token. */
	static long id(String text) {
		if (text == null || !text.matches("[0-9]{1,18}")) {
			throw new TokenNotFoundException(String.valueOf(text));
		}
		return Long.parseLong(text);
	}

	/** A token cannot make or revoke tokens: that needs the owner's password (or sign-in). */
	static void refuseTokens(Principal principal) {
		if (principal instanceof TokenAuthentication) {
			throw new TokenRequestException("token.bad.byToken");
		}
	}

	static Role roleOf(Principal principal) {
		return (principal instanceof Authentication authentication) ? UserRoles.highest(authentication) : Role.VIEWER;
	}

}
