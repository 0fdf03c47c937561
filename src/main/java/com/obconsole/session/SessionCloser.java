package com.obconsole.session;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.obconsole.engine.Session;
import com.obconsole.engine.SessionDialect;
import com.obconsole.targets.DirectObserver;
import com.obconsole.targets.Target;
import com.obconsole.targets.TargetProperties;
import com.obconsole.web.Sentence;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Closes a session or its query, after reading it again and making sure it is the session the DBA
 * saw. Engine errors become sentences a DBA can act on (codes in {@link CloseMessages}), the engine's own text an argument.
 */
@Component
class SessionCloser {

	static final int ER_NO_SUCH_THREAD = 1094;

	static final int ER_KILL_DENIED = 1095;

	private final SessionSnapshots snapshots;

	/**
	 * From this many sessions on, a batch re-reads the whole processlist rather than its ids. Up to
	 * 200 ids the IN list costs what one id does and half the whole list (seekdb 1.3 at 5,000
	 * sessions: 31.6 ms for 1, 35.7 ms for 200, 67.0 ms for all; the engine scans the whole view for
	 * either, the list's extra cost is moving and reading 5,000 rows); beyond 1,000 ids (max-batch
	 * allows 10,000) a statement of thousands of binds is not worth building.
	 */
	static final int WHOLE_READ_FROM = 1_000;

	private final int connectTimeoutMillis;

	private final int wholeReadFrom;

	SessionCloser(SessionSnapshots snapshots, TargetProperties properties) {
		this.snapshots = snapshots;
		this.connectTimeoutMillis = (int) properties.connection().connectTimeout().toMillis();
		this.wholeReadFrom = WHOLE_READ_FROM;
	}

	/** The outcome, and the session as it was just before the console acted (for the audit trail). */
	record Attempt(CloseResult result, Session live) {
	}

	/** Reads the session again (where the DBA saw it: only that observer answers) and closes it if it is the one seen. */
	Attempt close(Target target, String tenant, long id, CloseKind kind, SeenSession seen) {
		if (isOwn(target, id)) {
			return own(target, id);
		}
		SessionDialect dialect = this.snapshots.dialect(target);
		return decide(target, dialect, tenant, id, kind, seen, dialect.session(target.jdbc(), id, seen.observer()));
	}

	/**
	 * The sessions of a batch as they are now, in one read: the ids in one statement for a small batch,
	 * the whole processlist for a large one, where that is cheaper (see {@link #WHOLE_READ_FROM}).
	 */
	Map<Long, Session> readAll(Target target, Collection<Long> ids) {
		SessionDialect dialect = this.snapshots.dialect(target);
		List<Long> wanted = ids.stream().filter((id) -> !isOwn(target, id)).toList();
		List<Session> read = (wanted.size() >= this.wholeReadFrom) ? dialect.sessions(target.jdbc(), null)
				: dialect.sessionsWithIds(target.jdbc(), wanted);
		Map<Long, Session> found = new HashMap<>();
		for (Session session : read) {
			// Ids are unique in a cluster; keep the first should a view ever repeat one.
			found.putIfAbsent(session.id(), session);
		}
		found.keySet().retainAll(wanted);
		return found;
	}

	/** Closes one session of a batch, given how {@link #readAll} found it. */
	Attempt close(Target target, String tenant, long id, CloseKind kind, SeenSession seen, Map<Long, Session> read) {
		if (isOwn(target, id)) {
			return own(target, id);
		}
		return decide(target, this.snapshots.dialect(target), tenant, id, kind, seen,
				Optional.ofNullable(read.get(id)));
	}

	private static boolean isOwn(Target target, long id) {
		return target.connections().ids().contains(id);
	}

	private static Attempt own(Target target, long id) {
		return new Attempt(CloseResult.of(id, CloseOutcome.REFUSED,
				Sentence.of(CloseMessages.OWN, Long.toUnsignedString(id), target.name()), CloseResult.ROUTE_NONE), null);
	}

	private Attempt decide(Target target, SessionDialect dialect, String tenant, long id, CloseKind kind,
			SeenSession seen, Optional<Session> found) {
		if (found.isEmpty()) {
			return new Attempt(ended(id), null);
		}
		Session live = found.get();
		if (tenant != null && live.tenant() != null && !tenant.equals(live.tenant())) {
			return new Attempt(CloseResult.of(id, CloseOutcome.REFUSED,
					Sentence.of(CloseMessages.OTHER_TENANT, Long.toUnsignedString(id), live.tenant(), tenant),
					CloseResult.ROUTE_NONE), live);
		}
		Optional<Sentence> stale = StaleCheck.differences(seen, live);
		if (stale.isPresent()) {
			return new Attempt(CloseResult.of(id, CloseOutcome.REFUSED, stale.get(), CloseResult.ROUTE_NONE), live);
		}
		if (kind == CloseKind.QUERY && !live.hasSql()) {
			return new Attempt(CloseResult.of(id, CloseOutcome.ALREADY_ENDED,
					Sentence.of(CloseMessages.QUERY_ENDED, Long.toUnsignedString(id)), CloseResult.ROUTE_NONE), live);
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
				return CloseResult.of(id, CloseOutcome.ALREADY_ENDED,
						Sentence.of(CloseMessages.ENDED, Long.toUnsignedString(id)), route);
			}
			CloseResult failed = failure(id, ex, ex);
			return CloseResult.of(id, CloseOutcome.FAILED, Sentence.of(CloseMessages.DIRECT_FAILED,
					Long.toUnsignedString(id), observer.get(), failed.message()), route);
		}
	}

	private static CloseResult closed(long id, CloseKind kind, String route) {
		return CloseResult.of(id, CloseOutcome.CLOSED, Sentence.of(
				(kind == CloseKind.SESSION) ? CloseMessages.CLOSED : CloseMessages.QUERY_CLOSED, Long.toUnsignedString(id)),
				route);
	}

	private static CloseResult ended(long id) {
		return CloseResult.of(id, CloseOutcome.ALREADY_ENDED, Sentence.of(CloseMessages.ENDED, Long.toUnsignedString(id)),
				CloseResult.ROUTE_NONE);
	}

	private static CloseResult failure(long id, SQLException sql, Exception ex) {
		if (sql != null && sql.getErrorCode() == ER_KILL_DENIED) {
			return CloseResult.of(id, CloseOutcome.FAILED, Sentence.of(CloseMessages.DENIED), CloseResult.ROUTE_TARGET);
		}
		if (sql != null) {
			return CloseResult.of(id, CloseOutcome.FAILED,
					Sentence.of(CloseMessages.ENGINE_ERROR, sql.getErrorCode(), sql.getMessage()), CloseResult.ROUTE_TARGET);
		}
		return CloseResult.of(id, CloseOutcome.FAILED, Sentence.of(CloseMessages.ENGINE_REFUSED, ex.getMessage()),
				CloseResult.ROUTE_TARGET);
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
