package com.obconsole.engine;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of one engine for reading and closing sessions. An instance belongs to one target: it
 * learns once which processlist columns that target's version has.
 */
public interface SessionDialect {

	/**
	 * Every session the connection may see.
	 * @param jdbc a client on the target
	 * @param tenant only this tenant's sessions (OceanBase sys-tenant connections); {@code null} for all
	 */
	List<Session> sessions(JdbcClient jdbc, String tenant);

	/**
	 * The statements {@link #sessions} runs for this tenant, in order, with the named parameter
	 * {@code :tenant} where one filters by tenant: for benchmarks and diagnostics that must read
	 * exactly what the console reads.
	 */
	List<String> sessionsSql(String tenant);

	/** One session, read now; empty if it has ended. */
	Optional<Session> session(JdbcClient jdbc, long id);

	/** The statement {@link #session} runs, with the named parameter {@code :id}; as {@link #sessionsSql}. */
	String sessionSql();

	/**
	 * One session, read now, where the DBA saw it: on OceanBase only the given observer answers (the
	 * predicate prunes the distributed view to that server), so the re-read before a KILL costs one
	 * node's sessions, not the cluster's. Empty if it has ended there.
	 * @param observer ip:port as {@link Session#observer()} gives it; {@code null} reads as {@link #session}
	 */
	default Optional<Session> session(JdbcClient jdbc, long id, String observer) {
		return session(jdbc, id);
	}

	/** The statement {@link #session(JdbcClient, long, String)} runs (named parameters {@code :id, :ip, :port}). */
	default String sessionOnObserverSql() {
		return sessionSql();
	}

	/**
	 * The sessions with these ids, read now in one statement (those that ended are missing): the
	 * re-read of a batch close. Not marked for tenant-wide tracing: a close does not look at it.
	 */
	List<Session> sessionsWithIds(JdbcClient jdbc, java.util.Collection<Long> ids);

	/** The statement {@link #sessionsWithIds} runs, with the named list parameter {@code :ids}. */
	String sessionsWithIdsSql();

	/**
	 * Who waits for whose lock, now. The lock source is learned on first use; an engine without
	 * one says why instead of answering with nobody waiting.
	 */
	default LockWaits lockWaits(JdbcClient jdbc) {
		return LockWaits.unavailable("locks.unavailable.engine", view());
	}

	/**
	 * The deadlocks the engine detected in {@code since <= time < until}, newest first, one page of
	 * them. An engine without a history says why instead of answering with none.
	 * @param tenant the tenant's TENANT value, or {@code null} for the connection's own
	 */
	default DeadlockHistory deadlocks(JdbcClient jdbc, String tenant, java.time.Instant since, java.time.Instant until,
			int offset, int limit) {
		return DeadlockHistory.unavailable("deadlocks.unavailable.engine", view());
	}

	/** {@code KILL <id>}: ends the session. */
	default void closeSession(JdbcClient jdbc, long id) {
		jdbc.sql(kill(id, false)).update();
	}

	/** {@code KILL QUERY <id>}: ends the running statement, keeps the session. */
	default void closeQuery(JdbcClient jdbc, long id) {
		jdbc.sql(kill(id, true)).update();
	}

	/**
	 * The KILL every MySQL-protocol engine here understands. KILL takes no bind parameter, so the id
	 * goes in as the number it was parsed to, never as text from a user.
	 */
	static String kill(long id, boolean queryOnly) {
		return (queryOnly ? "KILL QUERY " : "KILL ") + Long.toUnsignedString(id);
	}

	/**
	 * Whether the client's connection reaches the engine through OBProxy, so that the session ids
	 * of the processlist may be unknown to it (reference section 3).
	 */
	boolean connectsThroughProxy(JdbcClient jdbc);

	/**
	 * Switches full-link tracing on for a session: {@code DBMS_MONITOR.OB_SESSION_TRACE_ENABLE}. It
	 * finds the session on the observer that runs the call only.
	 * @param fraction the sampling fraction, 0 &lt; fraction &le; 1
	 */
	default void enableTrace(JdbcClient jdbc, long id, int level, java.math.BigDecimal fraction, String policy) {
		throw new UnsupportedOperationException("no session tracing on " + view());
	}

	/** Switches a session's own full-link trace setting off: {@code OB_SESSION_TRACE_DISABLE}. */
	default void disableTrace(JdbcClient jdbc, long id) {
		throw new UnsupportedOperationException("no session tracing on " + view());
	}

	/** The observer (ip:port) the given client's connection runs on, if the engine says. */
	default Optional<String> ownObserver(JdbcClient jdbc) {
		return Optional.empty();
	}

	/**
	 * The tenants this connection can see: every tenant through a sys tenant, its own otherwise;
	 * one {@link TenantInfo#WHOLE_SERVER} for engines without tenants.
	 */
	List<TenantInfo> tenants(JdbcClient jdbc, EngineInfo engine);

	/** The servers (observers) of the cluster, as ip:port of their SQL ports. */
	List<String> observers(JdbcClient jdbc);

	/** The processlist view this dialect reads, for messages and metrics. */
	String view();

	/**
	 * The plan of the statement session {@code id} runs now, or why there is none. On OceanBase the
	 * client must be on the session's observer and in its tenant (see
	 * {@code targets.SessionPlacement}); a read, bounded by the client's query timeout.
	 */
	default SessionPlan plan(JdbcClient jdbc, long id) {
		return SessionPlan.none("plan.unavailable.engine", view());
	}

}
