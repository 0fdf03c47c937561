package com.obconsole.security;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The console's settings for {@link TestOidcProvider}, as an operator would write them. */
final class OidcTestSettings {

	static final String PROVIDER_NAME = "Test SSO";

	private OidcTestSettings() {
	}

	/**
	 * The console on a port fixed before it starts (the provider must know the redirect URI), signing
	 * in with the started {@link TestOidcProvider}.
	 */
	static void consoleAt(int port, DynamicPropertyRegistry registry) {
		TestOidcProvider provider = TestOidcProvider.started();
		provider.allowConsoleAt(port);
		registry.add("server.port", () -> port);
		add(registry, provider);
	}

	static void add(DynamicPropertyRegistry registry, TestOidcProvider provider) {
		registry.add("console.security.oidc.issuer-uri", provider::issuer);
		registry.add("console.security.oidc.client-id", () -> TestOidcProvider.CLIENT_ID);
		registry.add("console.security.oidc.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
		registry.add("console.security.oidc.provider-name", () -> PROVIDER_NAME);
		registry.add("console.security.oidc.role-mapping.console-viewers", () -> "VIEWER");
		registry.add("console.security.oidc.role-mapping.console-operators", () -> "OPERATOR");
		registry.add("console.security.oidc.role-mapping.console-admins", () -> "ADMIN");
	}

}
