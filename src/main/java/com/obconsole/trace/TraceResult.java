package com.obconsole.trace;

/**
 * The result of a tracing change, shaped as the close actions' results.
 *
 * @param sessionId the session id, as text
 * @param outcome how it ended
 * @param message one sentence for the DBA
 * @param route where the call ran: {@code TARGET}, {@code DIRECT <ip:port>}, or {@code NONE}
 */
public record TraceResult(String sessionId, TraceOutcome outcome, String message, String route) {

	static TraceResult of(long id, TraceOutcome outcome, String message, String route) {
		return new TraceResult(Long.toUnsignedString(id), outcome, message, route);
	}

}
