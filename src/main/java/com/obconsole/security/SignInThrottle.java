package com.obconsole.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Counts failed sign-ins per username and per client address, and locks either one that fails too
 * often. Usernames that do not exist are counted like real ones, so that a lock says nothing about
 * whether a user exists. Kept in the console's database ({@link SignInFailures}), so that every
 * instance behind a load balancer counts the same failures and honours the same locks. While that
 * database cannot be reached, bcrypt alone decides (logged): the outage already stops every close
 * (the audit trail is there too), and refusing all sign-ins would hide why.
 */
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	/** Keys longer than the table's column are kept as their SHA-256, so that a long name cannot fail a sign-in. */
	private static final int LONGEST_KEY = 200;

	private final int maxFailures;

	private final Duration window;

	private final Duration lockDuration;

	private final Clock clock;

	private final SignInFailures failures;

	SignInThrottle(ConsoleSecurityProperties.Lockout lockout, Clock clock, SignInFailures failures) {
		this.maxFailures = lockout.maxFailures();
		this.window = lockout.window();
		this.lockDuration = lockout.duration();
		this.clock = clock;
		this.failures = failures;
	}

	/** How much longer a sign-in as this user, or from this address, is refused; empty when it is not. */
	Optional<Duration> lockedFor(String username, String clientAddress) {
		Instant now = this.clock.instant();
		List<String> keys = keys(username, clientAddress);
		if (keys.isEmpty()) {
			return Optional.empty();
		}
		Instant until;
		try {
			until = this.failures.lockedUntil(keys);
		}
		catch (DataAccessException ex) {
			log.warn("Sign-in locks cannot be read from the console's database; checking the password alone: {}",
					ex.getMostSpecificCause().getMessage());
			return Optional.empty();
		}
		return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	/** Counts a failure; answers how long the user or address is now locked for, if this failure locked it. */
	Optional<Duration> failed(String username, String clientAddress) {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(this.window);
		try {
			for (String key : keys(username, clientAddress)) {
				this.failures.failed(key, now, windowStart, this.maxFailures, now.plus(this.lockDuration));
			}
			this.failures.sweep(now, windowStart);
		}
		catch (DataAccessException ex) {
			log.warn("A failed sign-in cannot be counted in the console's database: {}",
					ex.getMostSpecificCause().getMessage());
		}
		return lockedFor(username, clientAddress);
	}

	/**
	 * A successful sign-in clears the count of its own user only. The address count is left alone:
	 * otherwise one valid account would reset the lock on guessing other accounts from that address.
	 */
	void succeeded(String username, String clientAddress) {
		String user = userKey(username);
		if (user != null) {
			try {
				this.failures.forget(user);
			}
			catch (DataAccessException ex) {
				log.warn("A sign-in's failures cannot be cleared in the console's database: {}",
						ex.getMostSpecificCause().getMessage());
			}
		}
	}

	private static List<String> keys(String username, String clientAddress) {
		List<String> keys = new ArrayList<>(2);
		String user = userKey(username);
		String client = clientKey(clientAddress);
		if (user != null) {
			keys.add(user);
		}
		if (client != null) {
			keys.add(client);
		}
		return keys;
	}

	private static String userKey(String username) {
		return (username != null) ? fitted("user:" + username.toLowerCase(Locale.ROOT)) : null;
	}

	private static String clientKey(String clientAddress) {
		return (clientAddress != null) ? fitted("client:" + clientAddress) : null;
	}

	private static String fitted(String key) {
		if (key.length() <= LONGEST_KEY) {
			return key;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return key.substring(0, key.indexOf(':')) + "#sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
