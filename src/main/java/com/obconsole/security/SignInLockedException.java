package com.obconsole.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because its username or client address failed too often lately. */
class SignInLockedException extends AuthenticationException {

	private final Duration remaining;

	private final Instant until;

	SignInLockedException(Duration remaining) {
		super("sign-in locked for " + remaining);
		this.remaining = remaining;
		this.until = Instant.now().plus(remaining);
	}

	/** When the lock ends; the sign-in page takes its figure from here, never from the URL. */
	Instant until() {
		return this.until;
	}

	/** Whole minutes until the lock ends, rounded up, so that "try again in N minutes" is never too early. */
	long minutes() {
		return minutes(this.remaining);
	}

	long seconds() {
		return Math.max(1, (this.remaining.toMillis() + 999) / 1000);
	}

	static long minutes(Duration remaining) {
		return Math.max(1, (remaining.toSeconds() + 59) / 60);
	}

}
