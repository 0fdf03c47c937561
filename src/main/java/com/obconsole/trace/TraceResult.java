package com.obconsole.trace;

import com.obconsole.web.Sentence;

/**
 * The result of a tracing change, shaped as the close actions' results.
 *
 * @param sessionId the session id, as text
 * @param outcome how it ended
 * @param message one sentence for the DBA, said in their language where it is shown ({@link TraceAnswer})
 * @param route where the call ran: {@code TARGET}, {@code DIRECT <ip:port>}, or {@code NONE}
 * @param note a sentence said after the message, or null: that the audit trail could not store the outcome
 */
public record TraceResult(String sessionId, TraceOutcome outcome, Sentence message, String route, Sentence note) {

	static TraceResult of(long id, TraceOutcome outcome, Sentence message, String route) {
		return new TraceResult(Long.toUnsignedString(id), outcome, message, route, null);
	}

	/** The code scripts rely on: the message's. */
	public String code() {
		return this.message.code();
	}

}
