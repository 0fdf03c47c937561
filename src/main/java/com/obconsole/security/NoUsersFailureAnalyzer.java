package com.obconsole.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start without users into instructions an operator can follow. */
class NoUsersFailureAnalyzer extends AbstractFailureAnalyzer<NoUsersConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoUsersConfiguredException cause) {
		String description = "The console has no users and no OpenID Connect provider or LDAP directory, so nobody could sign in. It does not start like that.";
		String action = """
				Configure at least one user, with a bcrypt password hash and roles (VIEWER, OPERATOR, ADMIN), \
				in application.yml:

				    console:
				      security:
				        users:
				          - username: alice
				            password-hash: '$2a$10$...'
				            roles: ADMIN

				or in the environment:

				    CONSOLE_SECURITY_USERS_0_USERNAME=alice
				    CONSOLE_SECURITY_USERS_0_PASSWORDHASH='$2a$10$...'
				    CONSOLE_SECURITY_USERS_0_ROLES=ADMIN

				Make a hash with the console's jar (it reads the password from the terminal):

				    java -cp ob-session-console.jar -Dloader.main=com.obconsole.security.HashPassword \\
				        org.springframework.boot.loader.launch.PropertiesLauncher

				or with Apache's htpasswd: htpasswd -bnBC 10 "" 'the-password' | tr -d ':\\n'

				Or let the team sign in through the company's OpenID Connect provider \
				(console.security.oidc.issuer-uri, client-id, role-mapping) or LDAP directory \
				(console.security.ldap.url, user-search-base, group-search-base, role-mapping): \
				see "Sign-in for teams" in the README.

				To try the console with demo users instead, run ./mvnw spring-boot:test-run.""";
		return new FailureAnalysis(description, action, cause);
	}

}
