package com.obconsole.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * A username and password tried against the console's own users, then the directory. Wrapped as one
 * by {@link ThrottledAuthenticationProvider}, so that a wrong password counts once, not once per place.
 */
final class LocalThenDirectory implements AuthenticationProvider {

	private final AuthenticationProvider local;

	private final AuthenticationProvider directory;

	LocalThenDirectory(AuthenticationProvider local, AuthenticationProvider directory) {
		this.local = local;
		this.directory = directory;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		try {
			return this.local.authenticate(authentication);
		}
		catch (BadCredentialsException notLocal) {
			return this.directory.authenticate(authentication);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.local.supports(authentication);
	}

}
