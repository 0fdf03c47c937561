package com.obconsole.security;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.obconsole.localengine.ConsoleDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failed sign-in lock in a real console database (H2, MariaDB, seekdb; schema from the real
 * migration), and shared by several instances: two throttles over one database are two consoles.
 */
class SignInThrottleTests {

	final MutableClock clock = new MutableClock();

	SignInThrottle throttle(DataSource database) {
		return new SignInThrottle(new ConsoleSecurityProperties.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
				this.clock, new SignInFailures(JdbcClient.create(database)));
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void fifthFailureOfAUsernameLocksItForTheLockDuration(ConsoleDatabases database) {
		SignInThrottle throttle = throttle(database.migrated());
		for (int i = 1; i <= 4; i++) {
			assertThat(throttle.failed("alice", "10.0.0." + i)).isEmpty();
		}
		assertThat(throttle.failed("alice", "10.0.0.5")).contains(Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(throttle.lockedFor("alice", "10.0.0.99")).contains(Duration.ofMinutes(5));
		// Case does not get round the lock.
		assertThat(throttle.lockedFor("ALICE", "10.0.0.99")).isPresent();
		assertThat(throttle.lockedFor("bob", "10.0.0.99")).isEmpty();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(throttle.lockedFor("alice", "10.0.0.99")).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void fifthFailureFromOneClientLocksThatClientWhateverTheNames(ConsoleDatabases database) {
		SignInThrottle throttle = throttle(database.migrated());
		for (int i = 1; i <= 4; i++) {
			throttle.failed("user" + i, "10.0.0.7");
		}
		assertThat(throttle.failed("user5", "10.0.0.7")).isPresent();
		assertThat(throttle.lockedFor("someone-else", "10.0.0.7")).isPresent();
		assertThat(throttle.lockedFor("someone-else", "10.0.0.8")).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void failuresOlderThanTheWindowDoNotCount(ConsoleDatabases database) {
		SignInThrottle throttle = throttle(database.migrated());
		for (int i = 0; i < 4; i++) {
			throttle.failed("alice", null);
		}
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(throttle.failed("alice", null)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void successClearsTheUsersOwnCount(ConsoleDatabases database) {
		SignInThrottle throttle = throttle(database.migrated());
		for (int i = 0; i < 4; i++) {
			throttle.failed("alice", null);
		}
		throttle.succeeded("alice", "10.0.0.1");
		for (int i = 0; i < 4; i++) {
			assertThat(throttle.failed("alice", null)).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void successOfOneUserDoesNotClearTheAddressCount(ConsoleDatabases database) {
		SignInThrottle throttle = throttle(database.migrated());
		for (int i = 0; i < 4; i++) {
			throttle.failed("user" + i, "10.0.0.1");
		}
		throttle.succeeded("viewer", "10.0.0.1");
		assertThat(throttle.failed("user9", "10.0.0.1")).isPresent();
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void failuresSpreadOverTwoInstancesLockOnBoth(ConsoleDatabases database) {
		DataSource shared = database.migrated();
		SignInThrottle a = throttle(shared);
		SignInThrottle b = throttle(shared);
		for (int i = 0; i < 3; i++) {
			assertThat(a.failed("alice", "10.0.0." + i)).isEmpty();
		}
		assertThat(b.failed("alice", "10.0.1.1")).isEmpty();
		assertThat(b.failed("alice", "10.0.1.2")).contains(Duration.ofMinutes(15));
		assertThat(a.lockedFor("alice", "10.9.9.9")).contains(Duration.ofMinutes(15));
		assertThat(b.lockedFor("Alice", "10.9.9.9")).isPresent();
		// A success on one instance clears the count both keep.
		for (int i = 0; i < 4; i++) {
			a.failed("bob", null);
		}
		b.succeeded("bob", null);
		assertThat(a.failed("bob", null)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void concurrentFailuresOnTwoInstancesAreAllCounted(ConsoleDatabases database) throws Exception {
		DataSource shared = database.migrated();
		List<SignInThrottle> instances = List.of(throttle(shared), throttle(shared));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			// Four at once, two on each instance: none may be lost to another's update.
			List<Future<?>> failures = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				SignInThrottle instance = instances.get(i % 2);
				failures.add(pool.submit(() -> instance.failed("carol", null)));
			}
			for (Future<?> failure : failures) {
				failure.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(instances.get(0).lockedFor("carol", null)).isEmpty();
		assertThat(instances.get(1).failed("carol", null)).as("the fifth failure").isPresent();
		assertThat(instances.get(0).lockedFor("carol", null)).isPresent();
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void aVeryLongNameIsCountedAndLockedLikeAnyOther(ConsoleDatabases database) {
		SignInThrottle throttle = throttle(database.migrated());
		String longName = "x".repeat(5000);
		for (int i = 0; i < 4; i++) {
			assertThat(throttle.failed(longName, null)).isEmpty();
		}
		assertThat(throttle.failed(longName, null)).isPresent();
		assertThat(throttle.lockedFor(longName + "y", null)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void expiredFailuresAndLocksAreSwept(ConsoleDatabases database) {
		DataSource store = database.migrated();
		SignInThrottle throttle = throttle(store);
		for (int i = 0; i < 5; i++) {
			throttle.failed("name" + i, "10.0.0.1");
		}
		JdbcClient jdbc = JdbcClient.create(store);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_lock").query(Long.class).single()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(16));
		throttle.failed("someone", null);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_lock").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void whileTheConsoleDatabaseIsDownThePasswordAloneDecides() throws Exception {
		int unused;
		try (ServerSocket socket = new ServerSocket(0)) {
			unused = socket.getLocalPort();
		}
		SignInThrottle throttle = throttle(new DriverManagerDataSource("jdbc:mysql://127.0.0.1:" + unused + "/console",
				"console", "pw"));
		assertThat(throttle.lockedFor("alice", "10.0.0.1")).isEmpty();
		assertThat(throttle.failed("alice", "10.0.0.1")).isEmpty();
		throttle.succeeded("alice", "10.0.0.1");
	}

	/** What the lock costs a sign-in: one read before every password check; figures, never a failure on timing. */
	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void costPerSignIn(ConsoleDatabases database) {
		SignInThrottle throttle = throttle(pooled(database));
		for (int i = 0; i < 200; i++) {
			throttle.lockedFor("warm" + i, "10.0.0.1");
		}
		int n = 2000;
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			assertThat(throttle.lockedFor("user" + i, "10.0.0.1")).isEmpty();
		}
		double check = (System.nanoTime() - start) / 1e3 / n;
		start = System.nanoTime();
		for (int i = 0; i < 200; i++) {
			throttle.failed("user" + i, null);
		}
		double failure = (System.nanoTime() - start) / 1e3 / 200;
		System.out.printf("sign-in lock on %s: check %.0f µs per sign-in, failure %.0f µs%n", database, check, failure);
	}

	private static DataSource pooled(ConsoleDatabases database) {
		ConsoleDatabases.Connect connect = database.fresh();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(connect.url());
		pool.setUsername(connect.username());
		pool.setPassword(connect.password());
		Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
		return pool;
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
