package com.obconsole.security;

/**
 * A half-made OIDC or LDAP configuration: the console refuses to start rather than offer a sign-in
 * that cannot work. {@link SignInSettingsFailureAnalyzer} names the property to fix.
 */
class SignInSettingsException extends IllegalStateException {

	private final String property;

	private final String problem;

	SignInSettingsException(String property, String problem) {
		super(property + " " + problem);
		this.property = property;
		this.problem = problem;
	}

	String property() {
		return this.property;
	}

	String problem() {
		return this.problem;
	}

}
