package com.obconsole.session;

import com.obconsole.web.Sentence;

/**
 * The result of closing one session or query.
 *
 * @param sessionId the session id, as text (ids are unsigned)
 * @param outcome how it ended
 * @param message one sentence for the DBA, said in their language where it is shown ({@link CloseAnswer})
 * @param route how the KILL reached the engine: {@code TARGET} (the target's own connection),
 * {@code DIRECT <ip:port>} (straight to the session's observer, past OBProxy), or {@code NONE}
 * @param note a sentence said after the message, or null: that the audit trail could not store the outcome
 */
public record CloseResult(String sessionId, CloseOutcome outcome, Sentence message, String route, Sentence note) {

	static final String ROUTE_TARGET = "TARGET";

	static final String ROUTE_NONE = "NONE";

	static CloseResult of(long id, CloseOutcome outcome, Sentence message, String route) {
		return new CloseResult(Long.toUnsignedString(id), outcome, message, route, null);
	}

	/** The code scripts rely on: the message's. */
	public String code() {
		return this.message.code();
	}

}
