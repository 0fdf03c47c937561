package com.obconsole.lock;

import com.obconsole.session.SessionSnapshots;
import com.obconsole.targets.Targets;
import com.obconsole.web.ActionParams;
import com.obconsole.web.InvalidInputException;

import org.springframework.stereotype.Service;

/** Row Lock Analysis: the lock tree of a target's (and tenant's) current snapshot. */
@Service
public class LockService {

	/** OCP's Row Lock Analysis shows waits over 20 ms by default. */
	public static final long DEFAULT_MIN_WAIT_MS = 20;

	/** A day: a longer minimum is a typo, not a filter. */
	static final long MAX_MIN_WAIT_MS = 86_400_000;

	private final Targets targets;

	private final SessionSnapshots snapshots;

	LockService(Targets targets, SessionSnapshots snapshots) {
		this.targets = targets;
		this.snapshots = snapshots;
	}

	/**
	 * The tree from the same snapshot the Tenant Session list shows.
	 * @param tenant the tenant's TENANT value, or {@code null}
	 */
	public LockTree tree(String target, String tenant, long minWaitMs) {
		return LockTree.of(this.snapshots.get(this.targets.require(target), tenant), minWaitMs * 1000);
	}

	/**
	 * The {@code minWaitMs} parameter: whole milliseconds, 0 to a day; absent or empty, the default.
	 * @throws InvalidInputException naming the parameter otherwise
	 */
	static long minWaitMs(ActionParams params) {
		String given = params.single("minWaitMs", 12);
		if (given == null || given.isEmpty()) {
			return DEFAULT_MIN_WAIT_MS;
		}
		boolean digits = given.chars().allMatch((c) -> c >= '0' && c <= '9');
		if (!digits || given.length() > 8 || (given.length() > 1 && given.charAt(0) == '0')
				|| Long.parseLong(given) > MAX_MIN_WAIT_MS) {
			throw new InvalidInputException("minWaitMs", "input.minWaitMs", MAX_MIN_WAIT_MS);
		}
		return Long.parseLong(given);
	}

}
