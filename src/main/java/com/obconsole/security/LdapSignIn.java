package com.obconsole.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;

/**
 * A username and password checked by binding to the directory as that user; roles from the groups
 * the user is a member of. A wrong password is a BadCredentialsException like a local user's, so
 * the same lock counts it; a right password without a mapped group is refused and audited.
 */
final class LdapSignIn implements AuthenticationProvider {

	private final LdapAuthenticationProvider directory;

	private final GroupRoles roles;

	private final RefusedSignIns refused;

	LdapSignIn(LdapProperties properties, RefusedSignIns refused) {
		DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(properties.url());
		if (OidcProperties.hasText(properties.managerDn())) {
			source.setUserDn(properties.managerDn());
			source.setPassword(properties.managerPassword());
		}
		source.afterPropertiesSet();
		BindAuthenticator bind = new BindAuthenticator(source);
		bind.setUserSearch(new FilterBasedLdapUserSearch(properties.userSearchBase(), properties.userSearchFilter(), source));
		DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(source, properties.groupSearchBase());
		groups.setGroupSearchFilter(properties.groupSearchFilter());
		groups.setGroupRoleAttribute(properties.groupNameAttribute());
		groups.setSearchSubtree(true);
		// The group's own name, as role-mapping names it: no ROLE_ prefix, no upper-casing.
		groups.setRolePrefix("");
		groups.setConvertToUpperCase(false);
		this.directory = new LdapAuthenticationProvider(bind, groups);
		this.roles = new GroupRoles(properties.roleMapping());
		this.refused = refused;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication bound = this.directory.authenticate(authentication);
		List<String> groups = bound.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		Set<Role> granted = this.roles.rolesOf(groups);
		if (granted.isEmpty()) {
			throw this.refused.noRole(authentication.getName(), groups, "LDAP");
		}
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken
			.authenticated(authentication.getName(), null, GroupRoles.authorities(granted));
		signedIn.setDetails(authentication.getDetails());
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
