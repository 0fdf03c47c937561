package com.obconsole.session;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.obconsole.engine.Session;

/**
 * OCP's Session Statistics tab: the header figures, and active / total counts by user, by source
 * and by database, computed from the same snapshot as the list.
 *
 * @param figures total, active, longest active time
 * @param byUser counts per user
 * @param bySource counts per client address (the source's host, without its port, as OCP's "By IP")
 * @param byDatabase counts per database ({@code null} key: no database selected)
 * @param bySql the sessions of each SQL ID ({@link SqlGroup})
 */
public record SessionStatistics(SessionFigures figures, List<Group> byUser, List<Group> bySource,
		List<Group> byDatabase, List<SqlGroup> bySql) {

	/**
	 * One row of a statistics table.
	 *
	 * @param key the user, source host or database; {@code null} for none
	 * @param active active sessions
	 * @param total all sessions
	 */
	public record Group(String key, int active, int total) {
	}

	/** How a statistics table is sorted: by active (default, most first), total, or name. */
	public enum Order {

		ACTIVE, TOTAL, NAME;

		static Order parse(String text) {
			if (text == null || text.isBlank()) {
				return ACTIVE;
			}
			for (Order order : values()) {
				if (order.name().equalsIgnoreCase(text.trim())) {
					return order;
				}
			}
			throw new InvalidSessionQueryException("sort", "stats.sort");
		}

	}

	public static SessionStatistics of(List<Session> sessions, String sort) {
		Order order = Order.parse(sort);
		return new SessionStatistics(SessionFigures.of(sessions), group(sessions, Session::user, order),
				group(sessions, (s) -> host(s.source()), order), group(sessions, Session::database, order),
				SqlGroup.of(sessions, order));
	}

	private static List<Group> group(List<Session> sessions, Function<Session, String> key, Order order) {
		Map<String, int[]> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
		for (Session session : sessions) {
			int[] c = counts.computeIfAbsent(key.apply(session), (k) -> new int[2]);
			c[1]++;
			if (session.isActive()) {
				c[0]++;
			}
		}
		Comparator<Group> byName = Comparator.comparing(Group::key,
				Comparator.nullsFirst(Comparator.comparing((String k) -> k.toLowerCase(Locale.ROOT))));
		Comparator<Group> comparator = switch (order) {
			case ACTIVE -> Comparator.comparingInt(Group::active).reversed().thenComparing(Comparator.comparingInt(Group::total).reversed()).thenComparing(byName);
			case TOTAL -> Comparator.comparingInt(Group::total).reversed().thenComparing(Comparator.comparingInt(Group::active).reversed()).thenComparing(byName);
			case NAME -> byName;
		};
		return counts.entrySet()
			.stream()
			.map((e) -> new Group(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.sorted(comparator)
			.toList();
	}

	/** "10.1.1.1:5000" → "10.1.1.1"; "[::1]:5000" → "[::1]"; a host without a port stays as it is. */
	static String host(String source) {
		if (source == null) {
			return null;
		}
		if (source.startsWith("[")) {
			int close = source.indexOf(']');
			return (close > 0) ? source.substring(0, close + 1) : source;
		}
		int colon = source.indexOf(':');
		return (colon > 0 && colon == source.lastIndexOf(':')) ? source.substring(0, colon) : source;
	}

}
