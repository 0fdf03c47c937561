package com.obconsole.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The users of {@code console.security.users}, checked once at start-up; none is allowed beside OIDC or LDAP. */
final class ConfiguredUsers {

	private ConfiguredUsers() {
	}

	/**
	 * @param otherWays whether users can sign in through an OpenID Connect provider or a directory:
	 * then the console may have no users of its own
	 */
	static InMemoryUserDetailsManager from(ConsoleSecurityProperties properties, boolean otherWays) {
		if (properties.users().isEmpty() && !otherWays) {
			throw new NoUsersConfiguredException();
		}
		Set<String> seen = new HashSet<>();
		List<UserDetails> users = new ArrayList<>();
		for (ConsoleSecurityProperties.User user : properties.users()) {
			// InMemoryUserDetailsManager ignores case, so "Alice" and "alice" would be one user.
			if (!seen.add(user.username().toLowerCase(Locale.ROOT))) {
				throw new IllegalStateException("Two users are named '" + user.username()
						+ "': each console.security.users[i].username must be unique");
			}
			users.add(User.withUsername(user.username())
				.password(user.bcryptHash())
				.authorities(user.roles().stream().distinct().map(Role::authority).toArray(String[]::new))
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

}
