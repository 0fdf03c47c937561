package com.obconsole.trace;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

import com.obconsole.audit.ActionMeters;
import com.obconsole.audit.AuditAction;
import com.obconsole.audit.AuditRecord;
import com.obconsole.audit.AuditTrail;
import com.obconsole.engine.Session;
import com.obconsole.engine.SessionDialect;
import com.obconsole.engine.TraceSupport;
import com.obconsole.session.SessionSnapshots;
import com.obconsole.targets.SessionPlacement;
import com.obconsole.targets.Target;
import com.obconsole.targets.TargetMonitor;
import com.obconsole.targets.TargetProperties;
import com.obconsole.targets.Targets;
import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Full-link tracing for one session. DBMS_MONITOR finds a session only on the observer that runs
 * the call, and in the caller's tenant, so the call goes where the session is, or is refused with
 * what configuration would allow it. Every change is audited with the old and new settings.
 */
@Service
public class TraceService {

	static final int OB_OP_NOT_ALLOW = 4179;

	static final int ER_WRONG_ARGUMENTS = 1210;

	static final int ER_NOT_SUPPORTED = 1235;

	private final Targets targets;

	private final TargetMonitor monitor;

	private final SessionSnapshots snapshots;

	private final AuditTrail audit;

	private final int connectTimeoutMillis;

	private final Clock clock = Clock.systemUTC();

	private final Sentences sentences;

	private final ActionMeters actions;

	TraceService(Targets targets, TargetMonitor monitor, SessionSnapshots snapshots, AuditTrail audit,
			TargetProperties properties, Sentences sentences, ActionMeters actions) {
		this.sentences = sentences;
		this.actions = actions;
		this.targets = targets;
		this.monitor = monitor;
		this.snapshots = snapshots;
		this.audit = audit;
		this.connectTimeoutMillis = (int) properties.connection().connectTimeout().toMillis();
	}

	/** Whether the target can trace sessions at all, and why not. */
	public TraceSupport support(String targetName) {
		Target target = this.targets.require(targetName);
		return TraceSupport.of(this.monitor.engine(target)).in(this.sentences);
	}

	/** The session's current setting, read now; empty if it has ended. */
	public Optional<TraceState> state(String targetName, long id) {
		return session(targetName, id).map((s) -> TraceState.of(s, support(targetName)));
	}

	/**
	 * The session as the engine shows it now (not from a snapshot), with its trace setting; empty if
	 * it has ended.
	 */
	public Optional<Session> session(String targetName, long id) {
		Target target = this.targets.require(targetName);
		return this.snapshots.dialect(target).session(target.jdbc(), id);
	}

	public TraceResult enable(String actor, String targetName, long id, TraceRequest request) {
		return change(actor, targetName, id, request);
	}

	public TraceResult disable(String actor, String targetName, long id) {
		return change(actor, targetName, id, null);
	}

	private TraceResult change(String actor, String targetName, long id, TraceRequest request) {
		Target target = this.targets.require(targetName);
		AuditAction action = (request != null) ? AuditAction.TRACE_ENABLE : AuditAction.TRACE_DISABLE;
		TraceSupport support = support(targetName);
		if (!support.supported()) {
			return audited(actor, target, null, action, request,
					TraceResult.of(id, TraceOutcome.REFUSED, support.why(), "NONE"));
		}
		SessionDialect dialect = this.snapshots.dialect(target);
		Optional<Session> found;
		try {
			found = dialect.session(target.jdbc(), id);
		}
		catch (DataAccessException ex) {
			return audited(actor, target, null, action, request, TraceResult.of(id, TraceOutcome.FAILED,
					Sentence.of(TraceMessages.UNREADABLE, Long.toUnsignedString(id), targetName, rootMessage(ex)),
					"NONE"));
		}
		if (found.isEmpty()) {
			return audited(actor, target, null, action, request,
					TraceResult.of(id, TraceOutcome.ALREADY_ENDED,
							Sentence.of(TraceMessages.ENDED, Long.toUnsignedString(id)), "NONE"));
		}
		Session session = found.get();
		SessionPlacement placement = place(target, dialect, session);
		if (placement.isRefused()) {
			return audited(actor, target, session, action, request,
					TraceResult.of(id, TraceOutcome.REFUSED, refusal(target, session, placement), "NONE"));
		}
		Consumer<JdbcClient> call = (jdbc) -> {
			if (request != null) {
				dialect.enableTrace(jdbc, id, request.level(), request.fraction(), request.recordPolicy().name());
			}
			else {
				dialect.disableTrace(jdbc, id);
			}
		};
		// Write-ahead: the change is in the audit trail before the engine is asked; if it cannot be,
		// the engine is not asked.
		long intent;
		try {
			intent = this.audit.intend(record(actor, target, session, action, request, null));
		}
		catch (DataAccessException ex) {
			return counted(target, action, TraceResult.of(id, TraceOutcome.REFUSED,
					Sentence.of(TraceMessages.AUDIT_UNWRITABLE, rootMessage(ex), Long.toUnsignedString(id)), "NONE"));
		}
		try {
			placement.run(call, target, this.connectTimeoutMillis);
		}
		catch (SQLException ex) {
			return completed(intent, actor, target, session, action, request,
					failure(id, ex, request, placement.route()));
		}
		catch (DataAccessException ex) {
			SQLException sql = sqlException(ex);
			return completed(intent, actor, target, session, action, request, (sql != null)
					? failure(id, sql, request, placement.route())
					: TraceResult.of(id, TraceOutcome.FAILED, Sentence.of(TraceMessages.ENGINE_REFUSED, rootMessage(ex)),
							placement.route()));
		}
		Sentence now = dialect.session(target.jdbc(), id)
			.map((s) -> TraceState.said(s.trace()))
			.orElse(Sentence.of(TraceMessages.SETTING_ENDED));
		String shown = Long.toUnsignedString(id);
		TraceResult done = (request != null)
				? TraceResult.of(id, TraceOutcome.ENABLED, Sentence.of(TraceMessages.ENABLED, shown, request.said(), now),
						placement.route())
				: TraceResult.of(id, TraceOutcome.DISABLED, Sentence.of(TraceMessages.DISABLED, shown, now),
						placement.route());
		return completed(intent, actor, target, session, action, request, done);
	}

	/** Where the DBMS_MONITOR call must run for this session, or why it cannot. */
	private SessionPlacement place(Target target, SessionDialect dialect, Session session) {
		return SessionPlacement.of(target, this.monitor.engine(target), dialect, session);
	}

	private static Sentence refusal(Target target, Session session, SessionPlacement placement) {
		return Sentence.of(TraceMessages.OTHER_TENANT, Long.toUnsignedString(session.id()), session.tenant(),
				target.name(), placement.ownTenant());
	}

	static TraceResult failure(long id, SQLException ex, TraceRequest request, String route) {
		String shown = Long.toUnsignedString(id);
		Sentence message = switch (ex.getErrorCode()) {
			case OB_OP_NOT_ALLOW -> (request == null && ex.getMessage() != null && ex.getMessage().contains("not enabled"))
					? Sentence.of(TraceMessages.NO_OWN_TRACING, shown, ex.getMessage())
					: Sentence.of(TraceMessages.NOT_HELD, shown, ex.getMessage());
			case ER_WRONG_ARGUMENTS -> Sentence.of(TraceMessages.BAD_SETTING, ex.getMessage());
			case ER_NOT_SUPPORTED -> Sentence.of(TraceMessages.NOT_SUPPORTED, ex.getMessage());
			default -> Sentence.of(TraceMessages.ENGINE_ERROR, ex.getErrorCode(), ex.getMessage());
		};
		return TraceResult.of(id, TraceOutcome.FAILED, message, route);
	}

	/** A change refused or failed before the engine was asked: one record, no intent. */
	private TraceResult audited(String actor, Target target, Session session, AuditAction action, TraceRequest request,
			TraceResult result) {
		counted(target, action, result);
		this.audit.record(record(actor, target, session, action, request, result));
		return result;
	}

	private TraceResult counted(Target target, AuditAction action, TraceResult result) {
		this.actions.count(action, target.name(), result.outcome().name());
		return result;
	}

	private TraceResult completed(long intent, String actor, Target target, Session session, AuditAction action,
			TraceRequest request, TraceResult result) {
		counted(target, action, result);
		try {
			this.audit.complete(intent, record(actor, target, session, action, request, result));
			return result;
		}
		catch (DataAccessException ex) {
			return new TraceResult(result.sessionId(), result.outcome(), result.message(), result.route(),
					Sentence.of(TraceMessages.AUDIT_UNRECORDED));
		}
	}

	/** The audit record of a change; of its intent where there is no result yet. */
	private AuditRecord record(String actor, Target target, Session session, AuditAction action, TraceRequest request,
			TraceResult result) {
		Sentence before = (session != null) ? TraceState.said(session.trace())
				: Sentence.of(TraceMessages.SETTING_UNKNOWN);
		Sentence after = (request != null) ? request.said() : Sentence.of(TraceMessages.SETTING_OFF);
		return new AuditRecord(this.clock.instant(), actor, target.name(),
				(session != null) ? session.tenant() : null,
				(result != null) ? result.sessionId() : Long.toUnsignedString(session.id()),
				(session != null) ? session.observer() : null, (session != null) ? session.user() : null,
				(session != null) ? session.source() : null, (session != null) ? session.database() : null,
				(session != null) ? session.sqlId() : null, (session != null) ? session.sql() : null, action,
				(result != null) ? result.route() : null,
				(result != null) ? result.outcome().name() : AuditRecord.UNKNOWN,
				(result != null) ? this.sentences.english(result.message()) : null, null,
				(result != null) ? result.message() : null)
			.withDetail(Sentence.of(TraceMessages.AUDIT_DETAIL, before, after), this.sentences);
	}

	private static SQLException sqlException(Throwable ex) {
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
