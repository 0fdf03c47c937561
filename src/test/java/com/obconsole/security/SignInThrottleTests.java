package com.obconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	final MutableClock clock = new MutableClock();

	final SignInThrottle throttle = new SignInThrottle(
			new ConsoleSecurityProperties.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15)), this.clock);

	@Test
	void fifthFailureOfAUsernameLocksItForTheLockDuration() {
		for (int i = 1; i <= 4; i++) {
			assertThat(this.throttle.failed("alice", "10.0.0." + i)).isEmpty();
		}
		assertThat(this.throttle.failed("alice", "10.0.0.5")).contains(Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.throttle.lockedFor("alice", "10.0.0.99")).contains(Duration.ofMinutes(5));
		// Case does not get round the lock.
		assertThat(this.throttle.lockedFor("ALICE", "10.0.0.99")).isPresent();
		assertThat(this.throttle.lockedFor("bob", "10.0.0.99")).isEmpty();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.throttle.lockedFor("alice", "10.0.0.99")).isEmpty();
	}

	@Test
	void fifthFailureFromOneClientLocksThatClientWhateverTheNames() {
		for (int i = 1; i <= 4; i++) {
			this.throttle.failed("user" + i, "10.0.0.7");
		}
		assertThat(this.throttle.failed("user5", "10.0.0.7")).isPresent();
		assertThat(this.throttle.lockedFor("someone-else", "10.0.0.7")).isPresent();
		assertThat(this.throttle.lockedFor("someone-else", "10.0.0.8")).isEmpty();
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("alice", null);
		}
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.throttle.failed("alice", null)).isEmpty();
	}

	@Test
	void successClearsTheUsersOwnCount() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("alice", null);
		}
		this.throttle.succeeded("alice", "10.0.0.1");
		for (int i = 0; i < 4; i++) {
			assertThat(this.throttle.failed("alice", null)).isEmpty();
		}
	}

	@Test
	void successOfOneUserDoesNotClearTheAddressCount() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("user" + i, "10.0.0.1");
		}
		this.throttle.succeeded("viewer", "10.0.0.1");
		assertThat(this.throttle.failed("user9", "10.0.0.1")).isPresent();
	}

	@Test
	void lockedMessageRoundsMinutesUp() {
		assertThat(new SignInLockedException(Duration.ofSeconds(61)).minutes()).isEqualTo(2);
		assertThat(new SignInLockedException(Duration.ofMinutes(15)).minutes()).isEqualTo(15);
		assertThat(new SignInLockedException(Duration.ofSeconds(20)).minutes()).isEqualTo(1);
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-24T02:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
