package com.obconsole.security;

import java.time.Instant;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed sign-ins and locks in the console's database ({@code V7__sign_in_failures.sql}), shared
 * by every instance. Each call is a few indexed statements, each committed on its own: a failure
 * is an insert, so concurrent failures on two instances are all counted.
 */
class SignInFailures {

	private final JdbcClient jdbc;

	SignInFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest end of a lock on any of these keys; {@link Instant#EPOCH} when none is locked. */
	Instant lockedUntil(Collection<String> keys) {
		Long until = this.jdbc.sql("SELECT MAX(locked_until) FROM sign_in_lock WHERE failure_key IN (:keys)")
			.param("keys", keys)
			.query(Long.class)
			.optional()
			.orElse(null);
		return (until != null) ? Instant.ofEpochMilli(until) : Instant.EPOCH;
	}

	/**
	 * Counts a failure of this key; once it has {@code maxFailures} since {@code windowStart}, locks
	 * it until {@code lockUntil} and starts its count again.
	 */
	void failed(String key, Instant now, Instant windowStart, int maxFailures, Instant lockUntil) {
		this.jdbc.sql("INSERT INTO sign_in_failure (failure_key, failed_at) VALUES (:key, :now)")
			.param("key", key)
			.param("now", now.toEpochMilli())
			.update();
		long recent = this.jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE failure_key = :key AND failed_at > :start")
			.param("key", key)
			.param("start", windowStart.toEpochMilli())
			.query(Long.class)
			.single();
		if (recent >= maxFailures) {
			this.jdbc.sql("""
					INSERT INTO sign_in_lock (failure_key, locked_until) VALUES (:key, :until)
					ON DUPLICATE KEY UPDATE locked_until = :until""")
				.param("key", key)
				.param("until", lockUntil.toEpochMilli())
				.update();
			forget(key);
		}
	}

	/** Forgets the failures of this key (its lock, if any, stands). */
	void forget(String key) {
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE failure_key = :key").param("key", key).update();
	}

	/** Drops failures older than the window and locks that have ended, so that a spray of names cannot fill the table. */
	void sweep(Instant now, Instant windowStart) {
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE failed_at <= :start")
			.param("start", windowStart.toEpochMilli())
			.update();
		this.jdbc.sql("DELETE FROM sign_in_lock WHERE locked_until <= :now").param("now", now.toEpochMilli()).update();
	}

}
