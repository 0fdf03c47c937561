package com.obconsole.session;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.obconsole.engine.Session;

/**
 * What a viewer asked to see: filters, sort and page. Applied in memory to a snapshot, so no text
 * a viewer types ever reaches SQL.
 *
 * @param id only this session id, or {@code null}
 * @param user substring of the user, case-insensitive, or {@code null}
 * @param source substring of the source, case-insensitive, or {@code null}
 * @param database substring of the database, case-insensitive, or {@code null}
 * @param activeOnly only ACTIVE sessions
 * @param sort the sort column
 * @param descending whether the sort is descending
 * @param page page number, from 1
 * @param size rows per page
 * @param sqlId only sessions running this SQL ID ({@link SqlIds#of}), exactly, or {@code null}
 */
public record SessionQuery(Long id, String user, String source, String database, boolean activeOnly, SortKey sort,
		boolean descending, int page, int size, String sqlId) {

	public static final int MAX_FILTER_LENGTH = 256;

	public static final int MAX_PAGE_SIZE = 500;

	public static final int DEFAULT_PAGE_SIZE = 50;

	/** The default view: every session, longest-running first. */
	public static final SessionQuery DEFAULT = new SessionQuery(null, null, null, null, false, SortKey.TIME, true, 1,
			DEFAULT_PAGE_SIZE, null);

	/**
	 * Builds a query from request parameters (all optional), refusing what makes no sense.
	 * @throws InvalidSessionQueryException naming the bad parameter
	 */
	public static SessionQuery of(String id, String user, String source, String database, String activeOnly,
			String sort, String direction, String page, String size) {
		Long sessionId = blank(id) ? null : SessionIds.parse("id", id.trim());
		SortKey sortKey = blank(sort) ? SortKey.TIME : SortKey.fromParam(sort.trim());
		boolean descending;
		if (blank(direction)) {
			descending = sortKey == SortKey.TIME;
		}
		else if (direction.equalsIgnoreCase("desc")) {
			descending = true;
		}
		else if (direction.equalsIgnoreCase("asc")) {
			descending = false;
		}
		else {
			throw new InvalidSessionQueryException("direction", "list.direction");
		}
		int pageNumber = blank(page) ? 1 : number("page", page, 1, 1_000_000);
		int pageSize = blank(size) ? DEFAULT_PAGE_SIZE : number("size", size, 1, MAX_PAGE_SIZE);
		return new SessionQuery(sessionId, filter("user", user), filter("source", source), filter("database", database),
				flag("activeOnly", activeOnly), sortKey, descending, pageNumber, pageSize, null);
	}

	/**
	 * The same query, only for the sessions that run one SQL ID (exact; case as the engine writes it).
	 * @throws InvalidSessionQueryException for an id longer than any engine's
	 */
	public SessionQuery withSqlId(String sqlId) {
		String wanted = filter("sqlId", sqlId);
		return new SessionQuery(this.id, this.user, this.source, this.database, this.activeOnly, this.sort,
				this.descending, this.page, this.size, wanted);
	}

	/** Filters, sorts and pages a snapshot's sessions. */
	public SessionPage apply(List<Session> sessions) {
		List<Session> matching = sessions.stream().filter(matcher()).toList();
		Comparator<Session> order = this.descending ? this.sort.ascending().reversed() : this.sort.ascending();
		int from = (int) Math.min((long) (this.page - 1) * this.size, matching.size());
		// Sorting all matches costs O(n log n) at 5,000 sessions: well under a millisecond.
		List<Session> rows = matching.stream().sorted(order).skip(from).limit(this.size).toList();
		return new SessionPage(SessionFigures.of(sessions), matching.size(), this.page, this.size, rows);
	}

	private Predicate<Session> matcher() {
		Predicate<Session> match = (s) -> true;
		if (this.id != null) {
			long wanted = this.id;
			match = match.and((s) -> s.id() == wanted);
		}
		if (this.activeOnly) {
			match = match.and(Session::isActive);
		}
		if (this.sqlId != null) {
			String wanted = this.sqlId;
			match = match.and((s) -> s.hasSql() && wanted.equals(SqlIds.of(s)));
		}
		match = match.and(contains(this.user, Session::user));
		match = match.and(contains(this.source, Session::source));
		return match.and(contains(this.database, Session::database));
	}

	private static Predicate<Session> contains(String needle, java.util.function.Function<Session, String> column) {
		if (needle == null) {
			return (s) -> true;
		}
		String lower = needle.toLowerCase(Locale.ROOT);
		return (s) -> {
			String value = column.apply(s);
			return value != null && value.toLowerCase(Locale.ROOT).contains(lower);
		};
	}

	private static String filter(String name, String value) {
		if (blank(value)) {
			return null;
		}
		if (value.length() > MAX_FILTER_LENGTH) {
			throw new InvalidSessionQueryException(name, "list.tooLong", String.valueOf(MAX_FILTER_LENGTH));
		}
		return value.trim();
	}

	private static boolean flag(String name, String value) {
		if (blank(value)) {
			return false;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true", "on", "1", "yes" -> true;
			case "false", "off", "0", "no" -> false;
			default -> throw new InvalidSessionQueryException(name, "list.boolean");
		};
	}

	private static int number(String name, String value, int min, int max) {
		String text = value.trim();
		if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
			throw new InvalidSessionQueryException(name, "list.number", String.valueOf(min), String.valueOf(max));
		}
		int n = Integer.parseInt(text);
		if (n < min || n > max) {
			throw new InvalidSessionQueryException(name, "list.number", String.valueOf(min), String.valueOf(max));
		}
		return n;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
