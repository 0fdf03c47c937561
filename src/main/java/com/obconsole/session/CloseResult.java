package com.obconsole.session;

/**
 * The result of closing one session or query.
 *
 * @param sessionId the session id, as text (ids are unsigned)
 * @param outcome how it ended
 * @param message one sentence for the DBA
 * @param route how the KILL reached the engine: {@code TARGET} (the target's own connection),
 * {@code DIRECT <ip:port>} (straight to the session's observer, past OBProxy), or {@code NONE}
 */
public record CloseResult(String sessionId, CloseOutcome outcome, String message, String route) {

	static final String ROUTE_TARGET = "TARGET";

	static final String ROUTE_NONE = "NONE";

	static CloseResult of(long id, CloseOutcome outcome, String message, String route) {
		return new CloseResult(Long.toUnsignedString(id), outcome, message, route);
	}

}
