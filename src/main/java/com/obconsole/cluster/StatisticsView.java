package com.obconsole.cluster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.obconsole.session.SessionLinks;
import com.obconsole.session.SessionStatistics;
import com.obconsole.session.SessionStatistics.Group;
import com.obconsole.session.SqlGroup;

import org.springframework.http.HttpStatus;

/**
 * What the Session Statistics tab shows: OCP's three cards and its By User, By Source (OCP's
 * "By IP") and By Database tables, each count a link to the Tenant Session tab filtered to it; or
 * why there is nothing to show (a bad sort, an unreachable cluster).
 */
public final class StatisticsView {

	/** The sort orders of the tables, as the {@code sort} parameter names them. */
	static final List<String> ORDERS = List.of("active", "total", "name");

	private final SessionManagement place;

	private final SessionStatistics statistics;

	private final String sort;

	private final String invalid;

	private final String unavailable;

	StatisticsView(SessionManagement place, SessionStatistics statistics, String sort, String invalid,
			String unavailable) {
		this.place = place;
		this.statistics = statistics;
		this.sort = sort;
		this.invalid = invalid;
		this.unavailable = unavailable;
	}

	/** The order the parameter asks for, or {@code null} if it is not one of {@link #ORDERS}. */
	static String order(String sort) {
		if (sort == null || sort.isBlank()) {
			return "active";
		}
		String order = sort.trim().toLowerCase(Locale.ROOT);
		return ORDERS.contains(order) ? order : null;
	}

	public HttpStatus status() {
		if (this.invalid != null) {
			return HttpStatus.BAD_REQUEST;
		}
		return (this.unavailable != null) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
	}

	public SessionManagement place() {
		return this.place;
	}

	public boolean hasStatistics() {
		return this.statistics != null;
	}

	public String invalid() {
		return this.invalid;
	}

	public String unavailable() {
		return this.unavailable;
	}

	public String sort() {
		return this.sort;
	}

	public int total() {
		return this.statistics.figures().total();
	}

	public int active() {
		return this.statistics.figures().active();
	}

	/** The longest execution time of an active session, in seconds (one decimal where it has one). */
	public String longestActive() {
		return seconds(this.statistics.figures().longestActiveSeconds());
	}

	/** The Tenant Session tab with every session, and with active ones only: the cards' links. */
	public String allSessionsUrl() {
		return this.place.sessionsUrl();
	}

	public String activeSessionsUrl() {
		return this.place.sessionsUrl(Map.of("activeOnly", "true"));
	}

	/** By User, By Source, By Database, in OCP's order. */
	public List<Table> tables() {
		return List.of(table("user", this.statistics.byUser()), table("source", this.statistics.bySource()),
				table("database", this.statistics.byDatabase()));
	}

	/** This tab sorted another way; the tenant stays. */
	public String sortUrl(String order) {
		return this.place.statisticsUrl("active".equals(order) ? Map.of() : Map.of("sort", order));
	}

	/** "descending" for the counts, "ascending" for names, "none" for the columns not sorted by. */
	public String ariaSort(String order) {
		if (!order.equals(this.sort)) {
			return "none";
		}
		return "name".equals(order) ? "ascending" : "descending";
	}

	/** The By SQL table: one row per SQL ID, each count a link to the list filtered to it. */
	public List<SqlRow> bySql() {
		SessionLinks links = SessionLinks.of(this.place.clusterName(), this.place.readTenant());
		return this.statistics.bySql().stream().map((g) -> {
			Map<String, String> view = Map.of("sqlId", g.sqlId());
			Map<String, String> active = new LinkedHashMap<>(view);
			active.put("activeOnly", "true");
			return new SqlRow(g, seconds(g.longestSeconds()), seconds(g.totalSeconds()), String.join(", ", g.users()),
					this.place.sessionsUrl(view), (g.active() > 0) ? this.place.sessionsUrl(active) : null,
					links.confirmGroup("query", g.sqlId()), links.confirmGroup("session", g.sqlId()));
		}).toList();
	}

	/** Whether some SQL ID is the console's digest of the text (an engine without SQL IDs): the note says how. */
	public boolean bySqlDigested() {
		return this.statistics.bySql().stream().anyMatch((g) -> !g.fromEngine());
	}

	/**
	 * One row of the By SQL table.
	 * @param group the sessions of one SQL ID
	 * @param longest the longest execution time among them, as shown
	 * @param total their execution times added up, as shown
	 * @param users who runs it
	 * @param sessionsUrl the Tenant Session tab filtered to that SQL ID
	 * @param activeUrl the same, active sessions only; {@code null} when none is active
	 * @param closeQueriesUrl the confirmation of closing their queries
	 * @param closeSessionsUrl the confirmation of closing the sessions
	 */
	public record SqlRow(SqlGroup group, String longest, String total, String users, String sessionsUrl,
			String activeUrl, String closeQueriesUrl, String closeSessionsUrl) {
	}

	private Table table(String parameter, List<Group> groups) {
		return new Table(parameter, groups.stream().map((g) -> row(parameter, g)).toList());
	}

	private Row row(String parameter, Group group) {
		if (group.key() == null) {
			// The list's filters cannot ask for "no value": the count stands without a link.
			return new Row(null, group.active(), group.total(), null, null);
		}
		return new Row(group.key(), group.active(), group.total(),
				(group.active() > 0) ? drillDown(parameter, group.key(), true) : null,
				(group.total() > 0) ? drillDown(parameter, group.key(), false) : null);
	}

	private String drillDown(String parameter, String key, boolean activeOnly) {
		Map<String, String> view = new LinkedHashMap<>();
		view.put(parameter, key);
		if (activeOnly) {
			view.put("activeOnly", "true");
		}
		return this.place.sessionsUrl(view);
	}

	static String seconds(BigDecimal seconds) {
		if (seconds == null) {
			return "0";
		}
		BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
		return (seconds.compareTo(whole) == 0) ? whole.toPlainString()
				: seconds.setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * One statistics table.
	 * @param parameter the Tenant Session filter its keys go to: user, source or database
	 * @param rows its rows, in the order asked for
	 */
	public record Table(String parameter, List<Row> rows) {
	}

	/**
	 * One row: a user, a source host or a database, with its counts.
	 * @param key the value; {@code null} for none (shown as "(none)", without links)
	 * @param active active sessions
	 * @param total all sessions
	 * @param activeUrl the Tenant Session tab filtered to it, active sessions only; {@code null} for none
	 * @param totalUrl the Tenant Session tab filtered to it; {@code null} for none
	 */
	public record Row(String key, int active, int total, String activeUrl, String totalUrl) {
	}

}
