package com.obconsole.session;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.obconsole.engine.LockWait;
import com.obconsole.engine.LockWaits;
import com.obconsole.engine.TraceSupport;
import com.obconsole.web.InputError;

import org.springframework.http.HttpStatus;

/**
 * What the table region of the Tenant Session page shows: the figures, the filters as given, one
 * page of rows, and the links that keep the view; or why there are no rows (a bad parameter, an
 * unreachable target).
 */
public final class SessionTableView {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	/** Without rows there is nothing to trace; the menu that would need it is not shown. */
	private static final TraceSupport NO_ROWS = new TraceSupport(false, null, null);

	private final String target;

	private final SessionViewParams params;

	private final SessionQuery query;

	private final int refreshSeconds;

	private final SessionList list;

	private final List<SessionRow> rows;

	private final InputError error;

	private final String unavailable;

	private final SessionLinks links;

	private final Duration threshold;

	private final TraceSupport traceSupport;

	private SessionTableView(String target, SessionViewParams params, SessionQuery query, int refreshSeconds,
			SessionList list, Duration threshold, InputError error, String unavailable,
			TraceSupport traceSupport, SessionListContext context) {
		this.target = target;
		this.params = params;
		this.query = query;
		this.refreshSeconds = refreshSeconds;
		this.list = list;
		this.rows = (list != null) ? rows(list, threshold) : List.of();
		this.error = error;
		this.unavailable = unavailable;
		this.links = new SessionLinks(target, params, query, context);
		this.threshold = threshold;
		this.traceSupport = (traceSupport != null) ? traceSupport : NO_ROWS;
	}

	/** The page's rows, marked from the snapshot's own lock waits (the same instant as the list). */
	private static List<SessionRow> rows(SessionList list, Duration threshold) {
		LockWaits locks = list.snapshot().locks();
		Map<Long, LockWait> byWaiter = locks.byWaiter();
		return list.page().sessions().stream().map((s) -> {
			SessionRow row = SessionRow.of(s, threshold, list.snapshot().isConsole(s));
			// Nobody waits in most snapshots: no lock walk per row then.
			return byWaiter.isEmpty() ? row : row.withLocks(locks, byWaiter);
		}).toList();
	}

	static SessionTableView of(String target, SessionViewParams params, SessionQuery query, int refreshSeconds,
			SessionList list, Duration threshold, TraceSupport traceSupport, SessionListContext context) {
		return new SessionTableView(target, params, query, refreshSeconds, list, threshold, null, null, traceSupport,
				context);
	}

	/** A bad parameter: shown next to its filter; a parameter without a box of its own is dropped. */
	static SessionTableView invalid(String target, SessionViewParams params, InputError error,
			SessionListContext context) {
		SessionViewParams kept = SessionViewParams.SEARCHES.contains(error.parameter()) ? params
				: params.with(error.parameter(), null);
		return new SessionTableView(target, kept, null, safeRefresh(kept), null, Duration.ZERO, error, null, null,
				context);
	}

	static SessionTableView unreachable(String target, SessionViewParams params, SessionQuery query,
			int refreshSeconds, String reason, SessionListContext context) {
		return new SessionTableView(target, params, query, refreshSeconds, null, Duration.ZERO, null, reason, null,
				context);
	}

	private static int safeRefresh(SessionViewParams params) {
		try {
			return params.refreshSeconds();
		}
		catch (InvalidSessionQueryException ex) {
			return 0;
		}
	}

	public HttpStatus status() {
		if (this.error != null) {
			return HttpStatus.BAD_REQUEST;
		}
		return (this.unavailable != null) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
	}

	public String target() {
		return this.target;
	}

	public String tenant() {
		return this.params.tenantOrNull();
	}

	public SessionViewParams params() {
		return this.params;
	}

	public SessionLinks links() {
		return this.links;
	}

	public boolean hasList() {
		return this.list != null;
	}

	public List<SessionRow> rows() {
		return this.rows;
	}

	public String errorParameter() {
		return (this.error != null) ? this.error.parameter() : null;
	}

	public String errorMessage() {
		return (this.error != null) ? this.error.message() : null;
	}

	public boolean isInvalid(String parameter) {
		return this.error != null && this.error.parameter().equals(parameter);
	}

	/** Whether the More menu offers Full link tracking configuration, and if not, why. */
	public TraceSupport traceSupport() {
		return this.traceSupport;
	}

	public String unavailable() {
		return this.unavailable;
	}

	/** The long-running threshold, for the legend. */
	public String longRunningSeconds() {
		return SessionRow.seconds(BigDecimal.valueOf(this.threshold.toMillis()).movePointLeft(3));
	}

	public int refreshSeconds() {
		return this.refreshSeconds;
	}

	public List<Integer> refreshChoices() {
		return SessionViewParams.REFRESH_CHOICES;
	}

	public List<Integer> sizeChoices() {
		List<Integer> choices = new ArrayList<>(SessionViewParams.SIZE_CHOICES);
		if (!choices.contains(size())) {
			choices.add(size());
			choices.sort(Integer::compare);
		}
		return choices;
	}

	public int size() {
		return (this.query != null) ? this.query.size() : SessionQuery.DEFAULT_PAGE_SIZE;
	}

	public boolean activeOnly() {
		return this.query != null && this.query.activeOnly();
	}

	public String sort() {
		return ((this.query != null) ? this.query.sort() : SessionQuery.DEFAULT.sort()).param();
	}

	public String direction() {
		boolean descending = (this.query != null) ? this.query.descending() : SessionQuery.DEFAULT.descending();
		return descending ? "desc" : "asc";
	}

	/** "ascending", "descending" or "none", for aria-sort. */
	public String ariaSort(String column) {
		if (!sort().equals(column)) {
			return "none";
		}
		return "desc".equals(direction()) ? "descending" : "ascending";
	}

	public SessionFigures figures() {
		return this.list.page().figures();
	}

	/** How many of the counted sessions are the console's own connections. */
	public int consoleSessions() {
		return this.list.snapshot().consoleCount();
	}

	public String longestActive() {
		return SessionRow.seconds(figures().longestActiveSeconds());
	}

	/** When the snapshot was taken, on the console's clock. */
	public String snapshotTime() {
		return CLOCK.format(this.list.snapshot().takenAt().atZone(ZoneId.systemDefault()));
	}

	public String snapshotInstant() {
		return this.list.snapshot().takenAt().toString();
	}

	public long readMillis() {
		return this.list.snapshot().readTime().toMillis();
	}

	public int matching() {
		return this.list.page().matching();
	}

	public int page() {
		return this.list.page().page();
	}

	public int pages() {
		return this.list.page().pages();
	}

	/** The first row of this page, from 1; 0 when the page is empty. */
	public int firstRow() {
		return this.rows.isEmpty() ? 0 : (page() - 1) * this.list.page().size() + 1;
	}

	public int lastRow() {
		return this.rows.isEmpty() ? 0 : firstRow() + this.rows.size() - 1;
	}

	public boolean hasPrevious() {
		return page() > 1;
	}

	public boolean hasNext() {
		return page() < pages();
	}

	/** The filters in force, each with the link that removes it. */
	public List<Filter> filters() {
		List<Filter> filters = new ArrayList<>();
		if (this.query == null) {
			return filters;
		}
		if (this.query.id() != null) {
			filters.add(new Filter("id", Long.toUnsignedString(this.query.id()), this.links.without("id")));
		}
		add(filters, "user", this.query.user());
		add(filters, "source", this.query.source());
		add(filters, "database", this.query.database());
		add(filters, "sqlId", this.query.sqlId());
		if (this.query.activeOnly()) {
			filters.add(new Filter("activeOnly", null, this.links.without("activeOnly")));
		}
		return filters;
	}

	private void add(List<Filter> filters, String parameter, String value) {
		if (value != null) {
			filters.add(new Filter(parameter, value, this.links.without(parameter)));
		}
	}

	/**
	 * A filter in force.
	 * @param parameter its URL parameter
	 * @param value what it searches for ({@code null} for the active-only switch)
	 * @param removeUrl this view without it
	 */
	public record Filter(String parameter, String value, String removeUrl) {
	}

}
