package com.obconsole.security;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page who is signed in and what they may do, so that templates hide the buttons a
 * user may not use: {@code currentUser} (name, or null), {@code currentRoles} (configured roles,
 * highest first), {@code canOperate} (close sessions and queries, change tracing) and
 * {@code canAudit} (read the audit trail). The URL rules still decide; this is only courtesy.
 */
@ControllerAdvice
class CurrentUserAdvice {

	private final RoleHierarchy roleHierarchy;

	CurrentUserAdvice(RoleHierarchy roleHierarchy) {
		this.roleHierarchy = roleHierarchy;
	}

	@ModelAttribute
	void addCurrentUser(Model model) {
		Authentication authentication = Actor.signedIn();
		boolean signedIn = authentication != null;
		List<Role> configured = signedIn ? roles(authentication.getAuthorities()) : List.of();
		List<Role> reachable = signedIn
				? roles(this.roleHierarchy.getReachableGrantedAuthorities(authentication.getAuthorities())) : List.of();
		model.addAttribute("currentUser", signedIn ? authentication.getName() : null);
		model.addAttribute("currentRoles", configured.stream().map(Role::name).toList());
		model.addAttribute("canOperate", reachable.contains(Role.OPERATOR));
		model.addAttribute("canAudit", reachable.contains(Role.ADMIN));
	}

	private static List<Role> roles(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.map(Role::ofAuthority)
			.filter(Objects::nonNull)
			.distinct()
			.sorted(Comparator.reverseOrder())
			.toList();
	}

}
