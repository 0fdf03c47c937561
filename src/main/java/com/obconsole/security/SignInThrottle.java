package com.obconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username and per client address, and locks either one that fails too
 * often. Usernames that do not exist are counted like real ones, so that a lock says nothing about
 * whether a user exists. Kept in memory: a restart forgets the counts, which is acceptable for a
 * console with a handful of users.
 */
class SignInThrottle {

	/** Above this many tracked keys, expired ones are swept so that a spray of names cannot fill memory. */
	private static final int SWEEP_ABOVE = 10_000;

	private final int maxFailures;

	private final Duration window;

	private final Duration lockDuration;

	private final Clock clock;

	private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

	SignInThrottle(ConsoleSecurityProperties.Lockout lockout, Clock clock) {
		this.maxFailures = lockout.maxFailures();
		this.window = lockout.window();
		this.lockDuration = lockout.duration();
		this.clock = clock;
	}

	/** How much longer a sign-in as this user, or from this address, is refused; empty when it is not. */
	Optional<Duration> lockedFor(String username, String clientAddress) {
		Instant now = this.clock.instant();
		Duration user = remaining(userKey(username), now);
		Duration client = remaining(clientKey(clientAddress), now);
		Duration longest = (user.compareTo(client) >= 0) ? user : client;
		return longest.isZero() ? Optional.empty() : Optional.of(longest);
	}

	/** Counts a failure; answers how long the user or address is now locked for, if this failure locked it. */
	Optional<Duration> failed(String username, String clientAddress) {
		Instant now = this.clock.instant();
		count(userKey(username), now);
		count(clientKey(clientAddress), now);
		sweepIfLarge(now);
		return lockedFor(username, clientAddress);
	}

	/**
	 * A successful sign-in clears the count of its own user only. The address count is left alone:
	 * otherwise one valid account would reset the lock on guessing other accounts from that address.
	 */
	void succeeded(String username, String clientAddress) {
		String user = userKey(username);
		if (user != null) {
			this.byKey.remove(user);
		}
	}

	private Duration remaining(String key, Instant now) {
		Failures failures = (key != null) ? this.byKey.get(key) : null;
		return (failures != null) ? failures.lockRemaining(now) : Duration.ZERO;
	}

	private void count(String key, Instant now) {
		if (key != null) {
			this.byKey.computeIfAbsent(key, (k) -> new Failures()).add(now);
		}
	}

	private void sweepIfLarge(Instant now) {
		if (this.byKey.size() > SWEEP_ABOVE) {
			this.byKey.values().removeIf((failures) -> failures.isExpired(now));
		}
	}

	private static String userKey(String username) {
		return (username != null) ? "user:" + username.toLowerCase(Locale.ROOT) : null;
	}

	private static String clientKey(String clientAddress) {
		return (clientAddress != null) ? "client:" + clientAddress : null;
	}

	/** The recent failures of one key, and its lock. */
	private final class Failures {

		private final Deque<Instant> times = new ArrayDeque<>();

		private Instant lockedUntil = Instant.MIN;

		synchronized void add(Instant now) {
			if (now.isBefore(this.lockedUntil)) {
				return;
			}
			this.times.addLast(now);
			dropOlderThanWindow(now);
			if (this.times.size() >= SignInThrottle.this.maxFailures) {
				this.lockedUntil = now.plus(SignInThrottle.this.lockDuration);
				this.times.clear();
			}
		}

		synchronized Duration lockRemaining(Instant now) {
			return now.isBefore(this.lockedUntil) ? Duration.between(now, this.lockedUntil) : Duration.ZERO;
		}

		synchronized boolean isExpired(Instant now) {
			dropOlderThanWindow(now);
			return this.times.isEmpty() && !now.isBefore(this.lockedUntil);
		}

		private void dropOlderThanWindow(Instant now) {
			Instant oldest = now.minus(SignInThrottle.this.window);
			while (!this.times.isEmpty() && !this.times.peekFirst().isAfter(oldest)) {
				this.times.removeFirst();
			}
		}

	}

}
