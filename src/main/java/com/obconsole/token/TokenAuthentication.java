package com.obconsole.token;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A call made with an API token: it acts with the token's role, and its name, the actor in the
 * audit trail, says whose token it is and which ("alice (token nightly)").
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

	private final ApiToken token;

	TokenAuthentication(ApiToken token) {
		super(List.of(new SimpleGrantedAuthority(token.role().authority())));
		this.token = token;
		setAuthenticated(true);
	}

	public ApiToken token() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.token.actor();
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.token.actor();
	}

}
