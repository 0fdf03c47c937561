package com.obconsole.engine;

import java.time.Instant;
import java.util.List;

/**
 * One deadlock the engine detected and broke.
 *
 * @param id the engine's event id (OceanBase EVENT_ID), or {@code null} where it keeps none (InnoDB)
 * @param time when it was detected (OceanBase REPORT_TIME; InnoDB the section's timestamp), or
 * {@code null} where that could not be read
 * @param members the cycle's transactions, in the engine's order
 * @param text the engine's own report (InnoDB's LATEST DETECTED DEADLOCK section), or {@code null}
 */
public record Deadlock(String id, Instant time, List<DeadlockMember> members, String text) {

	public Deadlock {
		members = List.copyOf(members);
	}

}
