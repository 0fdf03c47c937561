package com.obconsole.session;

import java.util.Locale;

import com.obconsole.web.Sentences;

/**
 * A close's result as the DBA reads it on the page and a script in the JSON API: the message said in
 * the reader's language, beside its stable code.
 *
 * @param sessionId the session id, as text
 * @param outcome how it ended
 * @param code what happened, for scripts: the message's code (README, JSON API)
 * @param message the message, and the note if any, in the reader's language
 * @param route how the KILL reached the engine
 * @param note the note's code ({@code close.audit.unrecorded}), or null
 */
public record CloseAnswer(String sessionId, CloseOutcome outcome, String code, String message, String route,
		String note) {

	static CloseAnswer of(CloseResult result, Sentences sentences, Locale locale) {
		String message = sentences.say(result.message(), locale);
		if (result.note() != null) {
			message = message + " " + sentences.say(result.note(), locale);
		}
		return new CloseAnswer(result.sessionId(), result.outcome(), result.code(), message, result.route(),
				(result.note() != null) ? result.note().code() : null);
	}

}
