package com.obconsole.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in username, as the audit trail records it. */
public final class Actor {

	/** The actor of work done with nobody signed in. */
	public static final String ANONYMOUS = "anonymous";

	private Actor() {
	}

	/** The signed-in username of the current request, or {@code "anonymous"} when nobody is signed in. */
	public static String current() {
		Authentication authentication = signedIn();
		return (authentication != null) ? authentication.getName() : ANONYMOUS;
	}

	/** The authentication of the signed-in user, or {@code null} when nobody is signed in. */
	static Authentication signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		return authentication;
	}

}
