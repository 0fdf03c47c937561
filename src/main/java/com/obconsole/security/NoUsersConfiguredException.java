package com.obconsole.security;

/** The console refuses to start with nobody able to sign in; {@link NoUsersFailureAnalyzer} says how to fix it. */
class NoUsersConfiguredException extends IllegalStateException {

	NoUsersConfiguredException() {
		super("No users are configured under console.security.users, and neither console.security.oidc nor console.security.ldap");
	}

}
