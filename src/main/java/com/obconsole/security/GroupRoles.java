package com.obconsole.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The console roles a user's groups give, by a configured {@code role-mapping}; the same for OIDC and LDAP. */
final class GroupRoles {

	private final Map<String, Role> mapping;

	GroupRoles(Map<String, Role> mapping) {
		this.mapping = Map.copyOf(mapping);
	}

	/** The roles of these groups; empty when none is mapped. */
	Set<Role> rolesOf(Collection<String> groups) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String group : groups) {
			Role role = this.mapping.get(group);
			if (role != null) {
				roles.add(role);
			}
		}
		return roles;
	}

	static List<GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
	}

	/**
	 * The group names in a claim: a JSON list, or one text of names separated by spaces or commas
	 * (how some providers send a single group or scopes).
	 */
	static List<String> groupsIn(Object claim) {
		List<String> groups = new ArrayList<>();
		if (claim instanceof Collection<?> many) {
			many.stream().filter((g) -> g != null).map(String::valueOf).forEach(groups::add);
		}
		else if (claim instanceof String text) {
			Arrays.stream(text.split("[\\s,]+")).filter((g) -> !g.isEmpty()).forEach(groups::add);
		}
		return groups;
	}

}
