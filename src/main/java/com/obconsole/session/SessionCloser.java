package com.obconsole.session;

import java.sql.SQLException;
import java.util.Optional;

import com.obconsole.engine.Session;
import com.obconsole.engine.SessionDialect;
import com.obconsole.targets.DirectObserver;
import com.obconsole.targets.Target;
import com.obconsole.targets.TargetProperties;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Closes a session or its query, after reading it again and making sure it is the session the DBA
 * saw. Engine errors become sentences a DBA can act on.
 */
@Component
class SessionCloser {

	static final int ER_NO_SUCH_THREAD = 1094;

	static final int ER_KILL_DENIED = 1095;

	private final SessionSnapshots snapshots;

	private final int connectTimeoutMillis;

	SessionCloser(SessionSnapshots snapshots, TargetProperties properties) {
		this.snapshots = snapshots;
		this.connectTimeoutMillis = (int) properties.connection().connectTimeout().toMillis();
	}

	/** The outcome, and the session as it was just before the console acted (for the audit trail). */
	record Attempt(CloseResult result, Session live) {
	}

	Attempt close(Target target, String tenant, long id, CloseKind kind, SeenSession seen) {
		if (target.connections().ids().contains(id)) {
			return new Attempt(CloseResult.of(id, CloseOutcome.REFUSED, "Session " + id
					+ " is one of the console's own connections to " + target.name() + "; the console does not close it.",
					CloseResult.ROUTE_NONE), null);
		}
		SessionDialect dialect = this.snapshots.dialect(target);
		Optional<Session> found = dialect.session(target.jdbc(), id);
		if (found.isEmpty()) {
			return new Attempt(ended(id), null);
		}
		Session live = found.get();
		if (tenant != null && live.tenant() != null && !tenant.equals(live.tenant())) {
			return new Attempt(CloseResult.of(id, CloseOutcome.REFUSED, "Session " + id + " belongs to tenant "
					+ live.tenant() + ", not " + tenant + ". Nothing was closed.", CloseResult.ROUTE_NONE), live);
		}
		Optional<String> stale = StaleCheck.differences(seen, live);
		if (stale.isPresent()) {
			return new Attempt(CloseResult.of(id, CloseOutcome.REFUSED, stale.get(), CloseResult.ROUTE_NONE), live);
		}
		if (kind == CloseKind.QUERY && !live.hasSql()) {
			return new Attempt(CloseResult.of(id, CloseOutcome.ALREADY_ENDED,
					"Session " + id + " runs no query now: its query has already ended.", CloseResult.ROUTE_NONE), live);
		}
		return new Attempt(kill(target, dialect, live, kind), live);
	}

	private CloseResult kill(Target target, SessionDialect dialect, Session live, CloseKind kind) {
		long id = live.id();
		try {
			if (kind == CloseKind.SESSION) {
				dialect.closeSession(target.jdbc(), id);
			}
			else {
				dialect.closeQuery(target.jdbc(), id);
			}
			return closed(id, kind, CloseResult.ROUTE_TARGET);
		}
		catch (DataAccessException ex) {
			SQLException sql = sqlException(ex);
			int code = (sql != null) ? sql.getErrorCode() : 0;
			if (code == ER_NO_SUCH_THREAD) {
				return afterUnknownThread(target, dialect, live, kind);
			}
			return failure(id, sql, ex);
		}
	}

	private CloseResult afterUnknownThread(Target target, SessionDialect dialect, Session live, CloseKind kind) {
		long id = live.id();
		Optional<String> observer = KillRoute.afterUnknownThread(dialect.connectsThroughProxy(target.jdbc()), live,
				target.address());
		if (observer.isEmpty()) {
			return ended(id);
		}
		String route = "DIRECT " + observer.get();
		try {
			DirectObserver.execute(target, observer.get(),
					SessionDialect.kill(id, kind == CloseKind.QUERY),
					this.connectTimeoutMillis);
			return closed(id, kind, route);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == ER_NO_SUCH_THREAD) {
				return CloseResult.of(id, CloseOutcome.ALREADY_ENDED, "Session " + id + " has already ended.", route);
			}
			CloseResult failed = failure(id, ex, ex);
			return CloseResult.of(id, CloseOutcome.FAILED, "OBProxy did not know session " + id
					+ ", and the direct connection to observer " + observer.get() + " failed: " + failed.message(), route);
		}
	}

	private static CloseResult closed(long id, CloseKind kind, String route) {
		String message = (kind == CloseKind.SESSION) ? "Session " + id + " closed."
				: "The current query of session " + id + " was closed; the session stays connected.";
		return CloseResult.of(id, CloseOutcome.CLOSED, message, route);
	}

	private static CloseResult ended(long id) {
		return CloseResult.of(id, CloseOutcome.ALREADY_ENDED, "Session " + id + " has already ended.",
				CloseResult.ROUTE_NONE);
	}

	private static CloseResult failure(long id, SQLException sql, Exception ex) {
		if (sql != null && sql.getErrorCode() == ER_KILL_DENIED) {
			return CloseResult.of(id, CloseOutcome.FAILED,
					"The target's user lacks the privilege to close other users' sessions (needs SUPER in the tenant, or a sys-tenant target).",
					CloseResult.ROUTE_TARGET);
		}
		if (sql != null) {
			return CloseResult.of(id, CloseOutcome.FAILED,
					"The engine refused: error " + sql.getErrorCode() + ": " + sql.getMessage(), CloseResult.ROUTE_TARGET);
		}
		return CloseResult.of(id, CloseOutcome.FAILED, "The engine refused: " + ex.getMessage(), CloseResult.ROUTE_TARGET);
	}

	private static SQLException sqlException(Throwable ex) {
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

}
