package com.obconsole.session;

import com.obconsole.engine.Session;

/**
 * What the DBA saw of a session when asking to close it. Every field is optional: what is given is
 * checked against the live session before the console acts.
 *
 * @param observer the OBServer (ip:port)
 * @param user the database user
 * @param source the client
 * @param sqlId the SQL ID it ran
 * @param traceId the trace id of the request it ran
 * @param sql the SQL text it ran
 */
public record SeenSession(String observer, String user, String source, String sqlId, String traceId, String sql) {

	public static final SeenSession NOTHING = new SeenSession(null, null, null, null, null, null);

	/** Everything the list showed of a session. */
	public static SeenSession of(Session session) {
		return new SeenSession(session.observer(), session.user(), session.source(), session.sqlId(),
				session.traceId(), session.sql());
	}

	boolean sawSql() {
		return present(this.sqlId) || present(this.traceId) || present(this.sql);
	}

	static boolean present(String value) {
		return value != null && !value.isEmpty();
	}

}
