package com.obconsole.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.obconsole.engine.LockWaits;
import com.obconsole.engine.Session;

/**
 * The full session list of one target (and tenant) at one instant. Every viewer's filters, sorts
 * and pages are applied to it in memory.
 *
 * @param target the target's name
 * @param tenant the tenant read, or {@code null} for every session the connection sees
 * @param takenAt when the read started
 * @param readTime how long the read took
 * @param sessions every session
 * @param consoleSessionIds the ids of the console's own connections to the target at the read (one
 *        of them made the read, so it shows as ACTIVE): marked in the list and never offered to close
 * @param locks who waits for whom, read right after the sessions: the list's marks and the lock tree
 */
public record SessionSnapshot(String target, String tenant, Instant takenAt, Duration readTime,
		List<Session> sessions, Set<Long> consoleSessionIds, LockWaits locks) {

	/** Whether this is one of the console's own connections. */
	public boolean isConsole(Session session) {
		return this.consoleSessionIds.contains(session.id());
	}

	/** How many of the listed sessions are the console's own (they are counted in the figures). */
	public int consoleCount() {
		return (int) this.sessions.stream().filter(this::isConsole).count();
	}

}
