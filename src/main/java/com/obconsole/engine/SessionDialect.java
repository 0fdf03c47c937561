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

	/** {@code KILL <id>}: ends the session. */
	void closeSession(JdbcClient jdbc, long id);

	/** {@code KILL QUERY <id>}: ends the running statement, keeps the session. */
	void closeQuery(JdbcClient jdbc, long id);

	/**
	 * Whether the client's connection reaches the engine through OBProxy, so that the session ids
	 * of the processlist may be unknown to it (reference section 3).
	 */
	boolean connectsThroughProxy(JdbcClient jdbc);

	/** The processlist view this dialect reads, for messages and metrics. */
	String view();

}
