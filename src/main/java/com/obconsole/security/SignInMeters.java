package com.obconsole.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Failed sign-ins and the locks they cause, for the sign-in form and HTTP Basic alike. No username
 * or address tag: those are unbounded, and the log names them.
 */
final class SignInMeters {

	private final Counter failures;

	private final Counter locks;

	private final Counter refusedLocked;

	SignInMeters(MeterRegistry meters) {
		this.failures = Counter.builder("console.signin.failures")
			.description("Sign-ins refused for a wrong username or password")
			.register(meters);
		this.locks = Counter.builder("console.signin.locks")
			.description("Failed sign-ins that locked a username or client address")
			.register(meters);
		this.refusedLocked = Counter.builder("console.signin.refused.locked")
			.description("Sign-ins refused because the username or client address was locked")
			.register(meters);
	}

	void failed() {
		this.failures.increment();
	}

	void locked() {
		this.locks.increment();
	}

	void refusedWhileLocked() {
		this.refusedLocked.increment();
	}

}
