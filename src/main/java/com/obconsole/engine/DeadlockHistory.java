package com.obconsole.engine;

import java.util.List;

/**
 * The deadlocks of a time window, one page of them, or why the engine gives none.
 *
 * @param events this page's deadlocks, newest first
 * @param total how many deadlocks the window holds in all
 * @param unavailable a message code saying why this engine has no deadlock history, or {@code null}
 * @param source what was read, for the page's footnote and the message's argument
 * @param latestOnly whether the engine keeps only its latest deadlock (InnoDB)
 */
public record DeadlockHistory(List<Deadlock> events, long total, String unavailable, String source,
		boolean latestOnly) {

	public DeadlockHistory {
		events = List.copyOf(events);
	}

	/** No history can be read here, for the given reason (a message code). */
	public static DeadlockHistory unavailable(String reasonCode, String source) {
		return new DeadlockHistory(List.of(), 0, reasonCode, source, false);
	}

	public boolean isAvailable() {
		return this.unavailable == null;
	}

	/** Whether deadlocks beyond this page exist, given where the page starts. */
	public boolean hasMoreAfter(int offset) {
		return offset + this.events.size() < this.total;
	}

}
