package com.obconsole.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 */
public record SessionSnapshot(String target, String tenant, Instant takenAt, Duration readTime,
		List<Session> sessions) {
}
