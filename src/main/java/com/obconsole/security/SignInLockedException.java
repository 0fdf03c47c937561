package com.obconsole.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because its username or client address failed too often lately. */
class SignInLockedException extends AuthenticationException {

	private final Duration remaining;

	SignInLockedException(Duration remaining) {
		super("Too many failed sign-ins; try again in " + minutes(remaining)
				+ ((minutes(remaining) == 1) ? " minute" : " minutes"));
		this.remaining = remaining;
	}

	/** Whole minutes until the lock ends, rounded up, so that "try again in N minutes" is never too early. */
	long minutes() {
		return minutes(this.remaining);
	}

	long seconds() {
		return Math.max(1, (this.remaining.toMillis() + 999) / 1000);
	}

	private static long minutes(Duration remaining) {
		return Math.max(1, (remaining.toSeconds() + 59) / 60);
	}

}
