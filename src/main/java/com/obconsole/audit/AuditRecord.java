package com.obconsole.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One audited action on a session.
 *
 * @param time when the action was done
 * @param actor who did it: the signed-in username ({@code Actor.current()})
 * @param target the configured target's name; null for an action on the console itself (an API token)
 * @param tenant the OceanBase tenant of the session; null on MySQL and MariaDB
 * @param sessionId the session's id as the engine shows it
 * @param observer the OceanBase observer (ip:port) the session is on; null elsewhere
 * @param sessionUser the database user of the session
 * @param source the client host:port of the session
 * @param database the session's current database
 * @param sqlId the OceanBase SQL id of the statement the session ran
 * @param sqlText the statement the session ran, in full
 * @param action what was done
 * @param route how the console reached the session (e.g. directly or through OBProxy)
 * @param outcome one of {@link #OUTCOMES}; {@link #UNKNOWN} for an intent
 * @param message the sentence the DBA was shown
 * @param detail further facts, e.g. old and new trace settings
 */
public record AuditRecord(Instant time, String actor, String target, String tenant, String sessionId,
		String observer, String sessionUser, String source, String database, String sqlId, String sqlText,
		AuditAction action, String route, String outcome, String message, String detail) {

	/** The outcome of an intent that has no outcome recorded (yet, or ever: the console died). */
	public static final String UNKNOWN = "UNKNOWN";

	/** The outcomes an action can have. */
	public static final Set<String> OUTCOMES = Set.of("CLOSED", "ALREADY_ENDED", "REFUSED", "FAILED", "ENABLED",
			"DISABLED", "CREATED", "REVOKED", UNKNOWN);

	/** The same action, with its outcome. */
	public AuditRecord withOutcome(Instant at, String route, String outcome, String message, String detail) {
		return new AuditRecord(at, this.actor, this.target, this.tenant, this.sessionId, this.observer,
				this.sessionUser, this.source, this.database, this.sqlId, this.sqlText, this.action, route, outcome,
				message, detail);
	}

	public AuditRecord {
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		if (!OUTCOMES.contains(outcome)) {
			throw new IllegalArgumentException("outcome must be one of " + OUTCOMES + ", not " + outcome);
		}
	}

}
