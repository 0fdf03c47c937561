package com.obconsole.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the OIDC or LDAP property that keeps the console from starting, and what it needs. */
class SignInSettingsFailureAnalyzer extends AbstractFailureAnalyzer<SignInSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SignInSettingsException cause) {
		String description = "Sign-in for teams is half configured: " + cause.property() + " " + cause.problem() + ".";
		String action = "Fix " + cause.property() + " (in application.yml, or in the environment as "
				+ environmentName(cause.property()) + "), or set " + prefixOf(cause.property())
				+ ".enabled=false. The README's \"Sign-in for teams\" section lists every setting, with a Keycloak example.";
		return new FailureAnalysis(description, action, cause);
	}

	private static String prefixOf(String property) {
		return property.startsWith(LdapProperties.PREFIX) ? LdapProperties.PREFIX : OidcProperties.PREFIX;
	}

	/** Spring Boot's relaxed binding: dots to underscores, dashes dropped, upper case. */
	static String environmentName(String property) {
		return property.replace(".", "_").replace("-", "").toUpperCase(java.util.Locale.ROOT);
	}

}
