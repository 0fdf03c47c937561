package com.obconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** What HTTP Basic may skip bcrypt for, and when it must not. */
class VerifiedPasswordsTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return VerifiedPasswordsTests.this.now.get();
		}

	};

	private final VerifiedPasswords verified = new VerifiedPasswords(Duration.ofSeconds(60), this.clock);

	private final UserDetails alice = user("$2a$04$hashOne", "ROLE_OPERATOR");

	private final Authentication accepted = UsernamePasswordAuthenticationToken.authenticated("alice", null,
			AuthorityUtils.createAuthorityList("ROLE_OPERATOR"));

	@Test
	void aPairBcryptAcceptedIsAcceptedAgainWithinTheCacheTime() {
		this.verified.remember("alice", "right", this.accepted, this.alice);
		assertThat(this.verified.recall("alice", "right", this.alice)).contains(this.accepted);
		this.now.set(this.now.get().plusSeconds(59));
		assertThat(this.verified.recall("alice", "right", this.alice)).isPresent();
		this.now.set(this.now.get().plusSeconds(1));
		assertThat(this.verified.recall("alice", "right", this.alice)).as("after 60 s, bcrypt again").isEmpty();
	}

	@Test
	void aWrongPasswordOrAnotherUserIsNeverAnsweredFromIt() {
		this.verified.remember("alice", "right", this.accepted, this.alice);
		assertThat(this.verified.recall("alice", "wrong", this.alice)).isEmpty();
		assertThat(this.verified.recall("alice", "right ", this.alice)).isEmpty();
		assertThat(this.verified.recall("bob", "right", this.alice)).isEmpty();
		// The separator keeps "al" + "ice..." apart from "alice" + "...".
		this.verified.remember("al", "iceright", this.accepted, this.alice);
		assertThat(this.verified.recall("ali", "ceright", this.alice)).isEmpty();
	}

	@Test
	void aChangedPasswordOrRoleDropsItAtOnce() {
		this.verified.remember("alice", "right", this.accepted, this.alice);
		assertThat(this.verified.recall("alice", "right", user("$2a$04$hashTwo", "ROLE_OPERATOR"))).isEmpty();
		// Dropped, not only passed over: the old user is not accepted again either.
		assertThat(this.verified.recall("alice", "right", this.alice)).isEmpty();
		this.verified.remember("alice", "right", this.accepted, this.alice);
		assertThat(this.verified.recall("alice", "right", user("$2a$04$hashOne", "ROLE_VIEWER"))).isEmpty();
		this.verified.remember("alice", "right", this.accepted, this.alice);
		assertThat(this.verified.recall("alice", "right", null)).as("user removed").isEmpty();
	}

	@Test
	void aPairTheDirectoryAcceptedIsKeptAsLongAndOnlyWhileNoLocalUserHasTheName() {
		this.verified.remember("dora", "right", this.accepted, null);
		assertThat(this.verified.recall("dora", "right", null)).contains(this.accepted);
		assertThat(this.verified.recall("dora", "wrong", null)).isEmpty();
		this.now.set(this.now.get().plusSeconds(60));
		assertThat(this.verified.recall("dora", "right", null)).as("after 60 s, the directory again").isEmpty();
		this.verified.remember("dora", "right", this.accepted, null);
		assertThat(this.verified.recall("dora", "right", this.alice)).as("now a local user").isEmpty();
	}

	@Test
	void aCacheTimeOfZeroKeepsNothing() {
		VerifiedPasswords never = new VerifiedPasswords(Duration.ZERO, this.clock);
		never.remember("alice", "right", this.accepted, this.alice);
		assertThat(never.recall("alice", "right", this.alice)).isEmpty();
	}

	private static UserDetails user(String hash, String authority) {
		return User.withUsername("alice").password(hash).authorities(authority).build();
	}

}
