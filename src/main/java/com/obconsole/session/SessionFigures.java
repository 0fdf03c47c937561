package com.obconsole.session;

import java.math.BigDecimal;
import java.util.List;

import com.obconsole.engine.Session;

/**
 * The header figures of a tenant's sessions.
 *
 * @param total every session
 * @param active sessions whose status is ACTIVE
 * @param longestActiveSeconds the longest execution time among active sessions, 0 if none
 */
public record SessionFigures(int total, int active, BigDecimal longestActiveSeconds) {

	static SessionFigures of(List<Session> sessions) {
		int active = 0;
		BigDecimal longest = BigDecimal.ZERO;
		for (Session session : sessions) {
			if (session.isActive()) {
				active++;
				if (session.executionTimeSeconds().compareTo(longest) > 0) {
					longest = session.executionTimeSeconds();
				}
			}
		}
		return new SessionFigures(sessions.size(), active, longest);
	}

}
