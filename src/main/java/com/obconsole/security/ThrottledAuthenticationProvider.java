package com.obconsole.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password, for the sign-in form and HTTP Basic alike, refusing early while
 * the user or the client address is locked by {@link SignInThrottle}. A pair bcrypt accepted a
 * moment ago is accepted again from {@link VerifiedPasswords} without bcrypt; any other goes to
 * bcrypt and, if wrong, counts towards the lock.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final UserDetailsService users;

	private final SignInThrottle throttle;

	private final VerifiedPasswords verified;

	private final SignInMeters meters;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, UserDetailsService users, SignInThrottle throttle,
			VerifiedPasswords verified, SignInMeters meters) {
		this.meters = meters;
		this.passwords = passwords;
		this.users = users;
		this.throttle = throttle;
		this.verified = verified;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String client = clientAddress(authentication);
		Optional<Duration> locked = this.throttle.lockedFor(username, client);
		if (locked.isPresent()) {
			// Refused before the password is checked, so a lock cannot be used to test passwords.
			this.meters.refusedWhileLocked();
			throw new SignInLockedException(locked.get());
		}
		String password = (authentication.getCredentials() instanceof String text) ? text : null;
		UserDetails current = current(username);
		Optional<Authentication> recalled = this.verified.recall(username, password, current);
		if (recalled.isPresent()) {
			// The same user and roles as verified, with this request's details (its client address).
			UsernamePasswordAuthenticationToken again = UsernamePasswordAuthenticationToken
				.authenticated(recalled.get().getPrincipal(), null, recalled.get().getAuthorities());
			again.setDetails(authentication.getDetails());
			return again;
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(username, client);
			this.verified.remember(username, password, result, current);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.meters.failed();
			Optional<Duration> nowLocked = this.throttle.failed(username, client);
			if (nowLocked.isPresent()) {
				this.meters.locked();
				throw new SignInLockedException(nowLocked.get());
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private UserDetails current(String username) {
		try {
			return this.users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	private static String clientAddress(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
