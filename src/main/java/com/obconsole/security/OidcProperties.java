package com.obconsole.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with the company's OpenID Connect provider (Keycloak, Entra ID, Okta, ...), and bearer
 * JWTs it issues on the API. Off until {@code issuer-uri} is set.
 *
 * @param enabled false switches it off while keeping the settings
 * @param issuerUri the provider's issuer, e.g. {@code https://sso.example.com/realms/dba}; its
 * discovery document is read when first needed, never at start-up
 * @param clientId the console's client at the provider
 * @param clientSecret its secret
 * @param providerName shown on the button: "Sign in with {providerName}"
 * @param rolesClaim the claim holding the user's groups (a list, or one space- or comma-separated text)
 * @param usernameClaim the claim that names the user in the console and its audit trail
 * @param audience the {@code aud} a bearer JWT must carry; the client id when not set
 * @param scopes what the console asks for at sign-in
 * @param roleMapping group → VIEWER, OPERATOR or ADMIN; a user in no mapped group is refused
 */
@ConfigurationProperties("console.security.oidc")
record OidcProperties(@DefaultValue("true") boolean enabled, String issuerUri, String clientId, String clientSecret,
		@DefaultValue("OpenID Connect") String providerName, @DefaultValue("groups") String rolesClaim,
		@DefaultValue("preferred_username") String usernameClaim, String audience,
		@DefaultValue({ "openid", "profile", "email" }) List<String> scopes, @DefaultValue Map<String, Role> roleMapping) {

	static final String PREFIX = "console.security.oidc";

	/** Whether the console signs in through a provider at all. */
	boolean active() {
		return this.enabled && hasText(this.issuerUri);
	}

	/** The issuer without a trailing slash, as providers write it in their tokens. */
	String issuer() {
		return this.issuerUri.endsWith("/") ? this.issuerUri.substring(0, this.issuerUri.length() - 1) : this.issuerUri;
	}

	String expectedAudience() {
		return hasText(this.audience) ? this.audience : this.clientId;
	}

	/** Refuses a half-made configuration, naming the property to fix. */
	void check() {
		if (!this.enabled) {
			return;
		}
		if (!hasText(this.issuerUri)) {
			if (hasText(this.clientId) || !this.roleMapping.isEmpty()) {
				throw new SignInSettingsException(PREFIX + ".issuer-uri", "is missing, while other "
						+ PREFIX + ".* settings are given");
			}
			return;
		}
		if (!this.issuerUri.startsWith("https://") && !this.issuerUri.startsWith("http://")) {
			throw new SignInSettingsException(PREFIX + ".issuer-uri", "must be an http(s) URL, not '" + this.issuerUri + "'");
		}
		if (!hasText(this.clientId)) {
			throw new SignInSettingsException(PREFIX + ".client-id", "is missing: the issuer is given, the client is not");
		}
		if (!hasText(this.rolesClaim)) {
			throw new SignInSettingsException(PREFIX + ".roles-claim", "is empty");
		}
		if (!hasText(this.usernameClaim)) {
			throw new SignInSettingsException(PREFIX + ".username-claim", "is empty");
		}
		if (this.roleMapping.isEmpty()) {
			throw new SignInSettingsException(PREFIX + ".role-mapping",
					"is empty: nobody signing in through the provider would get a role");
		}
	}

	static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	@Override
	public String toString() {
		return "OidcProperties[issuerUri=" + this.issuerUri + ", clientId=" + this.clientId + "]";
	}

}
