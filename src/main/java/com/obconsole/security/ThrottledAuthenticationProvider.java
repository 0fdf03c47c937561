package com.obconsole.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password, for the sign-in form and HTTP Basic alike, refusing early while
 * the user or the client address is locked by {@link SignInThrottle}.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String client = clientAddress(authentication);
		Optional<Duration> locked = this.throttle.lockedFor(username, client);
		if (locked.isPresent()) {
			// Refused before the password is checked, so a lock cannot be used to test passwords.
			throw new SignInLockedException(locked.get());
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(username, client);
			return result;
		}
		catch (BadCredentialsException ex) {
			Optional<Duration> nowLocked = this.throttle.failed(username, client);
			if (nowLocked.isPresent()) {
				throw new SignInLockedException(nowLocked.get());
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientAddress(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
