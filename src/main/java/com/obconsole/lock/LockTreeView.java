package com.obconsole.lock;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.obconsole.cluster.SessionManagement;
import com.obconsole.cluster.SessionManagement.Tab;
import com.obconsole.session.SessionLinks;
import com.obconsole.web.InvalidInputException;

import org.springframework.context.MessageSourceResolvable;

/**
 * What the Row Lock Analysis tab draws: the tree, or why there is none (a bad filter, an unreachable
 * target, an engine without a lock source).
 *
 * @param place where in Session Management
 * @param tree the tree, or {@code null}
 * @param minWaitMs the shortest wait shown
 * @param refreshSeconds auto-refresh, 0 for off
 * @param invalid the bad parameter's message, or {@code null}
 * @param unreadable why the sessions could not be read, or {@code null}
 * @param links View SQL and the close confirmations of this tenant's sessions
 */
public record LockTreeView(SessionManagement place, LockTree tree, long minWaitMs, int refreshSeconds,
		MessageSourceResolvable invalid, String unreadable, SessionLinks links) {

	/** As on the Tenant Session tab. */
	static final List<Integer> REFRESH_CHOICES = List.of(0, 2, 5, 10, 30);

	private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

	static LockTreeView invalid(SessionManagement place, int refresh, InvalidInputException ex) {
		return new LockTreeView(place, null, LockService.DEFAULT_MIN_WAIT_MS, refresh, ex, null, null);
	}

	static LockTreeView unreadable(SessionManagement place, long minWaitMs, int refresh, String reason) {
		return new LockTreeView(place, null, minWaitMs, refresh, null, (reason != null) ? reason : "", null);
	}

	/** The refresh parameter: one of the choices, else off (a view, not an action: lenient as the list). */
	static int refresh(String given) {
		for (int choice : REFRESH_CHOICES) {
			if (String.valueOf(choice).equals(given)) {
				return choice;
			}
		}
		return 0;
	}

	public List<Integer> refreshChoices() {
		return REFRESH_CHOICES;
	}

	public boolean hasTree() {
		return this.tree != null && this.tree.isAvailable();
	}

	/** The view's query: what differs from the defaults. */
	public Map<String, String> query() {
		Map<String, String> query = new LinkedHashMap<>();
		if (this.minWaitMs != LockService.DEFAULT_MIN_WAIT_MS) {
			query.put("minWaitMs", String.valueOf(this.minWaitMs));
		}
		if (this.refreshSeconds > 0) {
			query.put("refresh", String.valueOf(this.refreshSeconds));
		}
		return query;
	}

	/** This view's URL: what the refresh reloads. */
	public String self() {
		return this.place.tabUrl(Tab.LOCKS, query());
	}

	/** The form's action: the tab's path (the tenant travels as a hidden field through the cluster). */
	public String base() {
		return this.place.tabPath();
	}

	/** The tree's instant, as the list shows its snapshot's: the console's local time of day. */
	public String takenAtTime() {
		return TIME_OF_DAY.format(this.tree.takenAt().atZone(ZoneId.systemDefault()));
	}

	public String takenAtInstant() {
		return this.tree.takenAt().toString();
	}

	/** The Tenant Session tab filtered to one session. */
	public String sessionUrl(String id) {
		return this.place.sessionsUrl(Map.of("id", id));
	}

}
