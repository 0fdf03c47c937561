package com.obconsole.security;

import java.util.ArrayList;
import java.util.List;

import com.obconsole.SessionConsoleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A half-configured provider or directory refuses to start, and the failure analysis names the
 * property to fix; OIDC or LDAP alone is enough to start without local users.
 */
@ExtendWith(OutputCaptureExtension.class)
class TeamSignInSettingsTests {

	@Test
	void issuerWithoutClientIdNamesTheClientId(CapturedOutput output) {
		refused("--console.security.oidc.issuer-uri=https://sso.example.com/realms/dba",
				"--console.security.oidc.role-mapping.dba=OPERATOR");
		assertThat(output).contains("console.security.oidc.client-id is missing")
			.contains("CONSOLE_SECURITY_OIDC_CLIENTID");
	}

	@Test
	void oidcWithoutRoleMappingNamesIt(CapturedOutput output) {
		refused("--console.security.oidc.issuer-uri=https://sso.example.com/realms/dba",
				"--console.security.oidc.client-id=console");
		assertThat(output).contains("console.security.oidc.role-mapping is empty");
	}

	@Test
	void unknownRoleInAMappingNamesTheProperty(CapturedOutput output) {
		refused("--console.security.oidc.issuer-uri=https://sso.example.com/realms/dba",
				"--console.security.oidc.client-id=console", "--console.security.oidc.role-mapping.dba=SUPERUSER");
		assertThat(output).contains("console.security.oidc.role-mapping.dba").contains("SUPERUSER");
	}

	@Test
	void ldapUrlWithoutSearchBaseNamesIt(CapturedOutput output) {
		refused("--console.security.ldap.url=ldap://127.0.0.1:1/dc=example,dc=com",
				"--console.security.ldap.role-mapping.dba=OPERATOR");
		assertThat(output).contains("console.security.ldap.user-search-base is missing");
	}

	@Test
	void ldapWithoutGroupSearchBaseNamesIt(CapturedOutput output) {
		refused("--console.security.ldap.url=ldap://127.0.0.1:1/dc=example,dc=com",
				"--console.security.ldap.user-search-base=ou=people", "--console.security.ldap.role-mapping.dba=OPERATOR");
		assertThat(output).contains("console.security.ldap.group-search-base is missing");
	}

	@Test
	void formOffWithoutAProviderNamesIt(CapturedOutput output) {
		refused("--console.security.form.enabled=false", "--console.security.users[0].username=alice",
				"--console.security.users[0].password-hash=$2a$04$Jq8SVib3HF8DqsgFOxi2G.xdAsa0Q2mzYaQ.u1aAZYQPnfdWjQW1u",
				"--console.security.users[0].roles=ADMIN");
		assertThat(output).contains("console.security.form.enabled is false");
	}

	@Test
	void noUsersSaysTheTeamOptions(CapturedOutput output) {
		refused();
		assertThat(output).contains("The console has no users").contains("console.security.oidc.issuer-uri")
			.contains("console.security.ldap.url");
	}

	/** A provider that is down, and no local users: the console still starts; it finds the provider later. */
	@Test
	void oidcAloneStartsWithoutUsersAndWithTheProviderDown() {
		try (ConfigurableApplicationContext console = console().web(WebApplicationType.SERVLET)
			.run(arguments("oidc-alone", "--server.port=0", "--console.security.oidc.issuer-uri=http://127.0.0.1:1/realms/dba",
				"--console.security.oidc.client-id=console", "--console.security.oidc.role-mapping.dba=OPERATOR"))) {
			OidcProvider provider = console.getBean(OidcProvider.class);
			assertThat(provider.active()).isTrue();
			assertThat(provider.reachable()).isFalse();
		}
	}

	private static void refused(String... settings) {
		assertThatException().isThrownBy(() -> console().run(arguments("refused", settings)).close());
	}

	private static SpringApplicationBuilder console() {
		return new SpringApplicationBuilder(SessionConsoleApplication.class).web(WebApplicationType.NONE);
	}

	/** Command-line arguments outrank the test profile (and its users) that surefire switches on. */
	private static String[] arguments(String name, String... settings) {
		List<String> all = new ArrayList<>(List.of("--spring.profiles.active=none",
				"--spring.datasource.url=jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";MODE=MySQL"));
		all.addAll(List.of(settings));
		return all.toArray(String[]::new);
	}

}
