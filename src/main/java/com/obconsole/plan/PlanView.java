package com.obconsole.plan;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.obconsole.engine.SessionPlan;
import com.obconsole.session.SessionLinks;

import org.springframework.context.MessageSource;

/**
 * The Plan tab of the View SQL dialog, or a page of its own without JavaScript.
 *
 * @param result the plan read
 * @param message what the plan is, or why there is none, in the viewer's language
 * @param url this plan's URL, which Refresh asks again
 * @param links the session list's links, for the way back
 */
public record PlanView(PlanResult result, String message, String url, SessionLinks links) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	public SessionPlan plan() {
		return this.result.plan();
	}

	public String id() {
		return this.result.sessionId();
	}

	/** When the plan was read, UTC, to the second: Refresh shows the figures moving on. */
	public String readAt() {
		return TIME.format(this.result.readAt());
	}

	static String message(MessageSource messages, SessionPlan plan, Locale locale) {
		return messages.getMessage(plan.code(), plan.arguments().toArray(), locale);
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
