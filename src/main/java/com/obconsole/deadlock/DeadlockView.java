package com.obconsole.deadlock;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.obconsole.cluster.SessionManagement;
import com.obconsole.cluster.SessionManagement.Tab;
import com.obconsole.engine.DeadlockHistory;
import com.obconsole.engine.DeadlockMember;
import com.obconsole.web.InputError;

/**
 * What the Deadlock Analysis tab draws: one page of the window's deadlocks, or why there is none
 * (a bad parameter, an unreachable target, an engine without a history).
 *
 * @param place where in Session Management
 * @param history the history read, or {@code null}
 * @param query the window and page asked for (the defaults after a bad parameter)
 * @param invalid the bad parameter, or {@code null}
 * @param unreadable why the target could not be read, or {@code null}
 */
public record DeadlockView(SessionManagement place, DeadlockHistory history, DeadlockQuery query, InputError invalid,
		String unreadable) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	public boolean hasHistory() {
		return this.history != null && this.history.isAvailable();
	}

	/** The message code of why the engine gives no history, or {@code null}. */
	public String unavailable() {
		return (this.history != null) ? this.history.unavailable() : null;
	}

	public boolean latestOnly() {
		return this.history != null && this.history.latestOnly();
	}

	public String since() {
		return this.query.since().toString();
	}

	public String until() {
		return this.query.until().toString();
	}

	/** A deadlock's time in UTC, to the µs OceanBase records; empty if the engine gave none. */
	public String time(Instant time) {
		return (time != null) ? TIME.format(time) : "";
	}

	/** A member's session id as the console writes ids (unsigned). */
	public String sessionId(DeadlockMember member) {
		return (member.sessionId() != null) ? Long.toUnsignedString(member.sessionId()) : null;
	}

	public int lastPage() {
		long total = (this.history != null) ? this.history.total() : 0;
		return (int) Math.max(1, (total + this.query.size() - 1) / this.query.size());
	}

	public String previousUrl() {
		return (this.query.page() > 1) ? pageUrl(this.query.page() - 1) : null;
	}

	public String nextUrl() {
		return (this.history != null && this.history.hasMoreAfter(this.query.offset()))
				? pageUrl(this.query.page() + 1) : null;
	}

	/** What the tenant selector keeps: the window and page size; another tenant starts on its first page. */
	public Map<String, String> keep() {
		return this.query.onPage(1).query();
	}

	/** The form's action: the tab's path (the tenant travels as a hidden field through the cluster). */
	public String base() {
		return this.place.tabPath();
	}

	private String pageUrl(int page) {
		return this.place.tabUrl(Tab.DEADLOCKS, this.query.onPage(page).query());
	}

}
