package com.obconsole.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in page's username and password form (local users and LDAP).
 *
 * @param enabled false leaves only "Sign in with ..." on the page (HTTP Basic on the API stays)
 */
@ConfigurationProperties("console.security.form")
record SignInFormProperties(@DefaultValue("true") boolean enabled) {

	void check(OidcProperties oidc) {
		if (!this.enabled && !oidc.active()) {
			throw new SignInSettingsException("console.security.form.enabled",
					"is false while no OpenID Connect provider is configured: nobody could sign in on the pages");
		}
	}

}
