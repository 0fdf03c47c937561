package com.obconsole.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user back from the provider, as the console sees them: named by {@code username-claim}, with
 * the roles their groups ({@code roles-claim}) map to, and nothing else; refused (and audited)
 * when no group maps to a role.
 */
final class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String NO_ROLE = "no_console_role";

	private final OidcUserService provider = new OidcUserService();

	private final OidcProperties properties;

	private final GroupRoles roles;

	private final RefusedSignIns refused;

	OidcUsers(OidcProperties properties, RefusedSignIns refused) {
		this.properties = properties;
		this.roles = new GroupRoles(properties.roleMapping());
		this.refused = refused;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = this.provider.loadUser(request);
		Map<String, Object> claims = user.getClaims();
		String nameClaim = nameClaim(claims, this.properties.usernameClaim());
		List<String> groups = GroupRoles.groupsIn(claims.get(this.properties.rolesClaim()));
		Set<Role> granted = this.roles.rolesOf(groups);
		if (granted.isEmpty()) {
			NoConsoleRoleException refusal = this.refused.noRole(String.valueOf(claims.get(nameClaim)), groups, "OIDC");
			throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE), refusal);
		}
		return new DefaultOidcUser(GroupRoles.authorities(granted), user.getIdToken(), user.getUserInfo(), nameClaim);
	}

	/** The configured claim where the provider sends it, else the subject, which it always sends. */
	static String nameClaim(Map<String, Object> claims, String configured) {
		Object name = claims.get(configured);
		return (name instanceof String text && !text.isBlank()) ? configured : "sub";
	}

}
