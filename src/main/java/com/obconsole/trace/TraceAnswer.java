package com.obconsole.trace;

import java.util.Locale;

import com.obconsole.web.Sentences;

/**
 * A tracing change's result as the dialog and the JSON API show it: the message said in the reader's
 * language, beside its stable code.
 *
 * @param sessionId the session id, as text
 * @param outcome how it ended
 * @param code what happened, for scripts: the message's code (README, JSON API)
 * @param message the message, and the note if any, in the reader's language
 * @param route where the call ran
 * @param note the note's code ({@code trace.audit.unrecorded}), or null
 */
public record TraceAnswer(String sessionId, TraceOutcome outcome, String code, String message, String route,
		String note) {

	static TraceAnswer of(TraceResult result, Sentences sentences, Locale locale) {
		String message = sentences.say(result.message(), locale);
		if (result.note() != null) {
			message = message + " " + sentences.say(result.note(), locale);
		}
		return new TraceAnswer(result.sessionId(), result.outcome(), result.code(), message, result.route(),
				(result.note() != null) ? result.note().code() : null);
	}

}
