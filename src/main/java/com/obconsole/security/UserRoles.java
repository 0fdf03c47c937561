package com.obconsole.security;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The highest role of a configured user, or of whoever is signed in: what a token of theirs may be at most. */
@Component
public class UserRoles {

	private final ConsoleSecurityProperties properties;

	UserRoles(ConsoleSecurityProperties properties) {
		this.properties = properties;
	}

	/** Whether one of this user's configured roles includes {@code role} (METRICS is below ADMIN only). */
	public boolean allows(String username, Role role) {
		return role != null && this.properties.users()
			.stream()
			.filter((user) -> user.username().equals(username))
			.flatMap((user) -> user.roles().stream())
			.anyMatch((held) -> held.includes(role));
	}

	/** The highest configured role of this user; empty if there is no such user (any more). */
	public Optional<Role> highestRole(String username) {
		return this.properties.users()
			.stream()
			.filter((user) -> user.username().equals(username))
			.flatMap((user) -> user.roles().stream())
			.max(Comparator.naturalOrder());
	}

	/** The highest console role among these authorities; VIEWER if none is a console role. */
	public static Role highest(Authentication authentication) {
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.map(Role::ofAuthority)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(Role.VIEWER);
	}

}
