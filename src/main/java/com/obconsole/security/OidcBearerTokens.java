package com.obconsole.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.obconsole.token.OtherBearers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * {@code Authorization: Bearer <JWT>} from the company's provider on the API, beside the console's
 * own tokens: signature (the provider's keys, cached), issuer, audience and expiry checked, roles
 * from the same claim and mapping as the sign-in. Keeps no session.
 */
final class OidcBearerTokens implements OtherBearers {

	private static final Logger log = LoggerFactory.getLogger(OidcBearerTokens.class);

	private final OidcProvider provider;

	private final GroupRoles roles;

	OidcBearerTokens(OidcProvider provider) {
		this.provider = provider;
		this.roles = new GroupRoles(provider.properties().roleMapping());
	}

	@Override
	public Optional<Authentication> check(String value) {
		if (!this.provider.active() || value.chars().filter((c) -> c == '.').count() != 2) {
			return Optional.empty();
		}
		Optional<JwtDecoder> decoder = this.provider.jwtDecoder();
		if (decoder.isEmpty()) {
			log.warn("Refused a bearer JWT: the OpenID Connect provider cannot be reached");
			return Optional.empty();
		}
		Jwt jwt;
		try {
			jwt = decoder.get().decode(value);
		}
		catch (JwtException ex) {
			log.warn("Refused a bearer JWT: {}", ex.getMessage());
			return Optional.empty();
		}
		OidcProperties properties = this.provider.properties();
		List<String> groups = GroupRoles.groupsIn(jwt.getClaims().get(properties.rolesClaim()));
		Set<Role> granted = this.roles.rolesOf(groups);
		String name = jwt.getClaimAsString(OidcUsers.nameClaim(jwt.getClaims(), properties.usernameClaim()));
		if (granted.isEmpty()) {
			log.warn("Refused a bearer JWT of {}: no console role for groups {}", name, groups);
			return Optional.empty();
		}
		return Optional.of(new JwtAuthenticationToken(jwt, GroupRoles.authorities(granted), name));
	}

}
