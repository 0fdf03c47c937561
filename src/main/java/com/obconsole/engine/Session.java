package com.obconsole.engine;

import java.math.BigDecimal;

/**
 * One session as the engine reported it, in OCP's terms.
 *
 * @param id session id (OceanBase: GV$OB_PROCESSLIST.ID; MySQL/MariaDB: the thread id)
 * @param sql the SQL it runs now (INFO), or {@code null}
 * @param sqlId OceanBase SQL_ID of that SQL, or {@code null}
 * @param user the database user
 * @param source the real client, ip:port (USER_CLIENT_IP[:USER_CLIENT_PORT], else HOST)
 * @param database the current database, or {@code null} (OceanBase writes the string "NULL")
 * @param command the MySQL command: Sleep, Query, Execute, ...
 * @param executionTimeSeconds seconds in the current state (fractional where the engine has it)
 * @param status OceanBase STATE (ACTIVE, SLEEP, ...); for MySQL/MariaDB derived from COMMAND
 * @param observer the OBServer running it (SVR_IP:SQL_PORT), or the server itself
 * @param proxy the OBProxy it came through (HOST) when PROXY_SESSID is set, else {@code null}
 * @param proxySessionId OBProxy's session id, a uint64 kept as text, or {@code null}
 * @param transactionState TRANS_STATE (OceanBase) or the InnoDB trx_state, {@code null} if none
 * @param traceId TRACE_ID of the current request, or {@code null}
 * @param tenant the tenant (OceanBase TENANT column), or {@code null}
 * @param trace the session's full-link trace setting, or {@link TraceSetting#NONE}
 */
public record Session(long id, String sql, String sqlId, String user, String source, String database, String command,
		BigDecimal executionTimeSeconds, String status, String observer, String proxy, String proxySessionId,
		String transactionState, String traceId, String tenant, TraceSetting trace) {

	/** Active as OCP counts it: STATE = 'ACTIVE'. */
	public boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

	/** Idle but holding an open transaction: a kill rolls it back; its locks block others. */
	public boolean isIdleInTransaction() {
		return "SLEEP".equals(this.status) && hasOpenTransaction();
	}

	/** Whether a transaction is open, in OceanBase's or InnoDB's words. */
	public boolean hasOpenTransaction() {
		if (this.transactionState == null) {
			return false;
		}
		return switch (this.transactionState) {
			case "ACTIVE", "IMPLICIT_ACTIVE", "ROLLBACK_SAVEPOINT", "RUNNING", "LOCK WAIT", "COMMITTING" -> true;
			default -> false;
		};
	}

	/** This session with another trace setting. */
	Session withTrace(TraceSetting setting) {
		return new Session(this.id, this.sql, this.sqlId, this.user, this.source, this.database, this.command,
				this.executionTimeSeconds, this.status, this.observer, this.proxy, this.proxySessionId,
				this.transactionState, this.traceId, this.tenant, setting);
	}

	public boolean hasSql() {
		return this.sql != null && !this.sql.isEmpty();
	}

}
