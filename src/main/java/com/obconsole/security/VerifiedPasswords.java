package com.obconsole.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Username and password pairs that bcrypt verified a moment ago, so that a script calling the API
 * with HTTP Basic every second does not cost a bcrypt per call (about 80 ms of CPU at cost 10).
 * <p>
 * Why this is safe: only a pair that bcrypt accepted gets in, so a wrong password is never
 * answered from here and still counts towards the lockout; entries are keyed by an HMAC under a
 * key made at start-up and never written anywhere, so neither passwords nor a fast, offline
 * guessable hash of them are kept; an entry lasts {@code console.security.basic-cache-time}
 * (default 60 s) and is dropped at once when the user's password hash or roles are no longer
 * those it was verified against. What an attacker who can read the console's memory learns from
 * it, he could read from the requests going through that memory anyway.
 * <p>
 * A directory (LDAP) user has no hash here: a pair the directory accepted is kept the same way and
 * stands for as long, so a script does not cost the directory a bind per call; a user removed from
 * the directory keeps at most that long what he had.
 */
final class VerifiedPasswords {

	/** The "hash" of a pair the directory verified: no local user's hash is empty. */
	private static final String DIRECTORY = "";

	/** More distinct verified pairs than this within one cache time is not a script: start over. */
	private static final int MAX_ENTRIES = 10_000;

	private final Map<String, Verified> entries = new ConcurrentHashMap<>();

	private final SecretKeySpec key;

	private final Duration keepFor;

	private final Clock clock;

	VerifiedPasswords(Duration keepFor, Clock clock) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.keepFor = keepFor;
		this.clock = clock;
	}

	/** The authentication bcrypt gave this pair, if it is recent and the user is still as it was then. */
	Optional<Authentication> recall(String username, String password, UserDetails current) {
		if (this.keepFor.isZero() || password == null) {
			return Optional.empty();
		}
		String id = id(username, password);
		Verified verified = this.entries.get(id);
		if (verified == null) {
			return Optional.empty();
		}
		if (!verified.expires().isAfter(this.clock.instant()) || !stillAsVerified(verified, current)) {
			this.entries.remove(id, verified);
			return Optional.empty();
		}
		return Optional.of(verified.authentication());
	}

	/**
	 * Keeps what bcrypt, or the directory where {@code user} is null (no local user of that name),
	 * just accepted for this pair.
	 */
	void remember(String username, String password, Authentication authentication, UserDetails user) {
		if (this.keepFor.isZero() || password == null) {
			return;
		}
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(id(username, password),
				new Verified(authentication, (user != null) ? user.getPassword() : DIRECTORY,
						(user != null) ? authorities(user) : Set.of(), this.clock.instant().plus(this.keepFor)));
	}

	/** A local user still has the hash and roles it was verified with; a directory user is still not local. */
	private static boolean stillAsVerified(Verified verified, UserDetails current) {
		if (current == null) {
			return DIRECTORY.equals(verified.passwordHash());
		}
		return verified.passwordHash().equals(current.getPassword())
				&& verified.authorities().equals(authorities(current));
	}

	private String id(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static Set<String> authorities(UserDetails user) {
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
	}

	private record Verified(Authentication authentication, String passwordHash, Set<String> authorities,
			Instant expires) {

		Verified {
			Objects.requireNonNull(passwordHash);
		}

	}

}
