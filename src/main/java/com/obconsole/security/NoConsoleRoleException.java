package com.obconsole.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The provider or directory accepted the user, but none of their groups maps to a console role:
 * refused, audited by {@link RefusedSignIns}, and never counted as a wrong password.
 */
class NoConsoleRoleException extends AuthenticationException {

	private final String username;

	NoConsoleRoleException(String username) {
		super("no group of '" + username + "' maps to a console role");
		this.username = username;
	}

	String username() {
		return this.username;
	}

}
