package com.obconsole.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.obconsole.audit.ActionMeters;
import com.obconsole.audit.AuditRecord;
import com.obconsole.audit.AuditTrail;
import com.obconsole.engine.Session;
import com.obconsole.targets.Target;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.Targets;
import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** The session list and the actions on it, each action recorded in the audit trail. */
@Service
public class SessionService {

	private final Targets targets;

	private final SessionSnapshots snapshots;

	private final SessionCloser closer;

	private final AuditTrail audit;

	private final int maxBatch;

	private final Clock clock;

	private final Sentences sentences;

	private final ActionMeters actions;

	SessionService(Targets targets, SessionSnapshots snapshots, SessionCloser closer, AuditTrail audit,
			SessionProperties properties, Clock clock, Sentences sentences, ActionMeters actions) {
		this.sentences = sentences;
		this.actions = actions;
		this.targets = targets;
		this.snapshots = snapshots;
		this.closer = closer;
		this.audit = audit;
		this.maxBatch = properties.maxBatch();
		this.clock = clock;
	}

	/** The most sessions one close may act on ({@code console.sessions.max-batch}). */
	public int maxBatch() {
		return this.maxBatch;
	}

	/** A page of a target's (and tenant's) current sessions. */
	public SessionList list(String targetName, String tenant, SessionQuery query) {
		SessionSnapshot snapshot = this.snapshots.get(this.targets.require(targetName), tenant);
		return new SessionList(snapshot, query.apply(snapshot.sessions()));
	}

	/** The Session Statistics tab, from the same snapshot as the list. */
	public SessionStatistics statistics(String targetName, String tenant, String sort) {
		SessionSnapshot snapshot = this.snapshots.get(this.targets.require(targetName), tenant);
		return SessionStatistics.of(snapshot.sessions(), sort);
	}

	/** The current snapshot of a target (and tenant): sessions and lock waits of one instant. */
	public SessionSnapshot snapshot(String targetName, String tenant) {
		return this.snapshots.get(this.targets.require(targetName), tenant);
	}

	/** One session as the current snapshot shows it. */
	public Optional<Session> find(String targetName, String tenant, long id) {
		return find(snapshot(targetName, tenant), id);
	}

	static Optional<Session> find(SessionSnapshot snapshot, long id) {
		return snapshot.sessions().stream().filter((s) -> s.id() == id).findFirst();
	}

	/**
	 * Closes one session or its query, and records it: first the intent, durably, then the outcome.
	 * Where the intent cannot be recorded nothing is closed, so that no close goes unaudited.
	 */
	public CloseResult close(String actor, String targetName, String tenant, long id, CloseKind kind,
			SeenSession seen) {
		Target target = this.targets.require(targetName);
		long intent;
		try {
			intent = this.audit.intend(record(actor, target, tenant, id, kind, seen, null, null));
		}
		catch (DataAccessException ex) {
			return counted(target, kind, auditUnwritable(id, ex));
		}
		CloseResult result;
		Session live = null;
		try {
			SessionCloser.Attempt attempt = this.closer.close(target, tenant, id, kind, seen);
			result = attempt.result();
			live = attempt.live();
		}
		catch (DataAccessException | TargetUnreachableException ex) {
			result = unreachable(targetName, id, ex);
		}
		counted(target, kind, result);
		try {
			this.audit.complete(intent, record(actor, target, tenant, id, kind, seen, live, result));
			return result;
		}
		catch (DataAccessException ex) {
			return unrecorded(result);
		}
	}

	/**
	 * Closes several with one result per id in the order given. The batch is audited ahead in one
	 * durable write, read again in one statement (not once per session), each session checked against
	 * what was seen, closed, and the outcomes audited in one durable write.
	 * @throws InvalidSessionQueryException for no ids or more than {@link #maxBatch}
	 */
	public List<CloseResult> closeAll(String actor, String targetName, String tenant, List<Long> ids, CloseKind kind,
			Map<Long, SeenSession> seen) {
		if (ids.isEmpty() || ids.size() > this.maxBatch) {
			throw new InvalidSessionQueryException("ids", "input.sessionIds.count", this.maxBatch);
		}
		Target target = this.targets.require(targetName);
		List<Long> distinct = ids.stream().distinct().toList();
		if (distinct.size() == 1) {
			// One session: its own re-read, on its observer only, is the cheaper one.
			long id = distinct.get(0);
			return List.of(close(actor, targetName, tenant, id, kind, seen.getOrDefault(id, SeenSession.NOTHING)));
		}
		List<AuditRecord> intents = distinct.stream()
			.map((id) -> record(actor, target, tenant, id, kind, seen.getOrDefault(id, SeenSession.NOTHING), null, null))
			.toList();
		List<Long> intentIds;
		try {
			intentIds = this.audit.intendAll(intents);
		}
		catch (DataAccessException ex) {
			return distinct.stream().map((id) -> counted(target, kind, auditUnwritable(id, ex))).toList();
		}
		Map<Long, Session> read = null;
		RuntimeException unreadable = null;
		try {
			read = this.closer.readAll(target, distinct);
		}
		catch (DataAccessException | TargetUnreachableException ex) {
			unreadable = ex;
		}
		List<CloseResult> results = new ArrayList<>(distinct.size());
		Map<Long, AuditRecord> outcomes = new LinkedHashMap<>();
		for (int i = 0; i < distinct.size(); i++) {
			long id = distinct.get(i);
			SeenSession what = seen.getOrDefault(id, SeenSession.NOTHING);
			CloseResult result;
			Session live = null;
			if (read == null) {
				result = unreachable(targetName, id, unreadable);
			}
			else {
				try {
					SessionCloser.Attempt attempt = this.closer.close(target, tenant, id, kind, what, read);
					result = attempt.result();
					live = attempt.live();
				}
				catch (DataAccessException | TargetUnreachableException ex) {
					result = unreachable(targetName, id, ex);
				}
			}
			results.add(counted(target, kind, result));
			outcomes.put(intentIds.get(i), record(actor, target, tenant, id, kind, what, live, result));
		}
		try {
			this.audit.completeAll(outcomes);
			return results;
		}
		catch (DataAccessException ex) {
			return results.stream().map(SessionService::unrecorded).toList();
		}
	}

	private CloseResult counted(Target target, CloseKind kind, CloseResult result) {
		this.actions.count(kind.auditAction(), target.name(), result.outcome().name());
		return result;
	}

	private static CloseResult auditUnwritable(long id, DataAccessException ex) {
		return CloseResult.of(id, CloseOutcome.REFUSED,
				Sentence.of(CloseMessages.AUDIT_UNWRITABLE, rootMessage(ex), Long.toUnsignedString(id)),
				CloseResult.ROUTE_NONE);
	}

	private static CloseResult unreachable(String targetName, long id, RuntimeException ex) {
		return CloseResult.of(id, CloseOutcome.FAILED,
				Sentence.of(CloseMessages.UNREACHABLE, targetName, Long.toUnsignedString(id), why(ex)),
				CloseResult.ROUTE_NONE);
	}

	/** The intent stands in the trail as "outcome unknown"; the DBA must know that too. */
	private static CloseResult unrecorded(CloseResult result) {
		return new CloseResult(result.sessionId(), result.outcome(), result.message(), result.route(),
				Sentence.of(CloseMessages.AUDIT_UNRECORDED));
	}

	/** The audit record of a close; of its intent, as the DBA saw the session, where there is no result yet. */
	private AuditRecord record(String actor, Target target, String tenant, long id, CloseKind kind, SeenSession seen,
			Session live, CloseResult result) {
		Session shown = live;
		String outcome = (result != null) ? result.outcome().name() : AuditRecord.UNKNOWN;
		return new AuditRecord(this.clock.instant(), actor, target.name(),
				(tenant != null) ? tenant : (shown != null ? shown.tenant() : null), Long.toUnsignedString(id),
				first(seen.observer(), shown != null ? shown.observer() : null),
				first(seen.user(), shown != null ? shown.user() : null),
				first(seen.source(), shown != null ? shown.source() : null), shown != null ? shown.database() : null,
				first(seen.sqlId(), shown != null ? shown.sqlId() : null),
				first(seen.sql(), shown != null ? shown.sql() : null), kind.auditAction(),
				(result != null) ? result.route() : null, outcome,
				(result != null) ? this.sentences.english(result.message()) : null, null,
				(result != null) ? result.message() : null);
	}

	private static String first(String seen, String live) {
		return SeenSession.present(seen) ? seen : live;
	}

	/** Why the target could not be reached: said in the reader's language where the console knows why. */
	private static Object why(RuntimeException ex) {
		return (ex instanceof TargetUnreachableException down) ? down.said() : rootMessage(ex);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
