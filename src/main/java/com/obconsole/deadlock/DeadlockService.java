package com.obconsole.deadlock;

import com.obconsole.engine.DeadlockHistory;
import com.obconsole.session.SessionSnapshots;
import com.obconsole.targets.Target;
import com.obconsole.targets.Targets;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** Deadlock Analysis: the deadlocks a target's engine recorded, read when asked (they are history, not a snapshot). */
@Service
public class DeadlockService {

	private final Targets targets;

	private final SessionSnapshots snapshots;

	DeadlockService(Targets targets, SessionSnapshots snapshots) {
		this.targets = targets;
		this.snapshots = snapshots;
	}

	/**
	 * One page of the window's deadlocks. A failed read says why rather than showing none.
	 * @param tenant the tenant's TENANT value, or {@code null}
	 */
	DeadlockHistory history(String target, String tenant, DeadlockQuery query) {
		Target found = this.targets.require(target);
		try {
			return this.snapshots.dialect(found)
				.deadlocks(found.jdbc(), tenant, query.since(), query.until(), query.offset(), query.size());
		}
		catch (DataAccessException ex) {
			return DeadlockHistory.unavailable("deadlocks.unavailable.readFailed", ex.getMostSpecificCause().getMessage());
		}
	}

}
