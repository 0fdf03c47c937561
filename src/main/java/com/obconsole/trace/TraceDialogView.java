package com.obconsole.trace;

import java.util.Arrays;
import java.util.List;

import com.obconsole.engine.Session;
import com.obconsole.engine.TraceSupport;
import com.obconsole.web.InputError;

/**
 * The Full link tracking configuration dialog of one session: who it is, its setting as the
 * engine shows it now, and the form that changes it (with a bad field's message beside it).
 *
 * @param links where the form posts and the list it came from
 * @param id the session id asked for
 * @param session the session as the engine shows it now, or {@code null} if it has ended
 * @param support whether the target can trace sessions, and why not
 * @param form what the form holds
 * @param error a bad field, or {@code null}
 */
public record TraceDialogView(TraceLinks links, String id, Session session, TraceSupport support, TraceForm form,
		InputError error) {

	static final List<Integer> LEVELS = List.of(1, 2, 3);

	public boolean ended() {
		return this.session == null;
	}

	/** The form is offered for a live session on a target that can trace. */
	public boolean offered() {
		return !ended() && this.support.supported();
	}

	public boolean traced() {
		return !ended() && this.session.trace().isEnabled();
	}

	/** Traced by the tenant's setting, which every session of the tenant shows, not one of its own. */
	public boolean tenantWide() {
		return traced() && this.session.trace().tenantWide();
	}

	public List<Integer> levels() {
		return LEVELS;
	}

	public List<String> policies() {
		return Arrays.stream(RecordPolicy.values()).map(RecordPolicy::name).toList();
	}

	public boolean isInvalid(String field) {
		return this.error != null && this.error.parameter().equals(field);
	}

	/** The message of a bad field, without the field's name in front (it stands beside the field). */
	public String errorMessage(String field) {
		if (!isInvalid(field)) {
			return null;
		}
		String message = this.error.message();
		String prefix = field + ": ";
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

}
