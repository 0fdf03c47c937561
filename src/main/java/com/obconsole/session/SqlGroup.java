package com.obconsole.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.obconsole.engine.Session;

/**
 * The sessions that run one SQL ID at the snapshot: the By SQL table's row, and what a group close
 * acts on.
 *
 * @param sqlId the SQL ID ({@link SqlIds#of})
 * @param fromEngine whether the engine gave it (OceanBase), or the console digested the text
 * @param sample the SQL text of the group's longest-running session
 * @param sessions how many sessions run it
 * @param active how many of them are ACTIVE
 * @param longestSeconds the longest execution time among them
 * @param totalSeconds their execution times added up
 * @param users the users that run it, by name
 * @param openTransactions how many of them hold an open transaction
 */
public record SqlGroup(String sqlId, boolean fromEngine, String sample, int sessions, int active,
		BigDecimal longestSeconds, BigDecimal totalSeconds, List<String> users, int openTransactions) {

	public SqlGroup {
		users = List.copyOf(users);
	}

	/** Every SQL ID that sessions run, in the order asked for; sessions that run nothing are in none. */
	static List<SqlGroup> of(List<Session> sessions, SessionStatistics.Order order) {
		Map<String, List<Session>> groups = new LinkedHashMap<>();
		for (Session session : sessions) {
			String id = SqlIds.of(session);
			if (id != null) {
				groups.computeIfAbsent(id, (k) -> new ArrayList<>()).add(session);
			}
		}
		List<SqlGroup> rows = new ArrayList<>(groups.size());
		groups.forEach((id, members) -> rows.add(of(id, members)));
		rows.sort(comparator(order));
		return rows;
	}

	/** The sessions of one SQL ID, longest-running first: the order a group's confirmation lists them in. */
	static List<Session> members(List<Session> sessions, String sqlId) {
		return sessions.stream()
			.filter((s) -> sqlId.equals(SqlIds.of(s)))
			.sorted(Comparator.comparing(Session::executionTimeSeconds).reversed().thenComparingLong(Session::id))
			.toList();
	}

	private static SqlGroup of(String id, List<Session> members) {
		int active = 0;
		int open = 0;
		BigDecimal total = BigDecimal.ZERO;
		Session longest = members.get(0);
		TreeSet<String> users = new TreeSet<>(Comparator.comparing((String u) -> u.toLowerCase(Locale.ROOT))
			.thenComparing(Comparator.naturalOrder()));
		for (Session s : members) {
			active += s.isActive() ? 1 : 0;
			open += s.hasOpenTransaction() ? 1 : 0;
			total = total.add(s.executionTimeSeconds());
			if (s.executionTimeSeconds().compareTo(longest.executionTimeSeconds()) > 0) {
				longest = s;
			}
			if (s.user() != null) {
				users.add(s.user());
			}
		}
		return new SqlGroup(id, SqlIds.fromEngine(longest), longest.sql(), members.size(), active,
				longest.executionTimeSeconds(), total, new ArrayList<>(users), open);
	}

	/** Most sessions first (active ones first by default), then the longest; the SQL ID breaks ties. */
	private static Comparator<SqlGroup> comparator(SessionStatistics.Order order) {
		Comparator<SqlGroup> bySessions = Comparator.comparingInt(SqlGroup::sessions).reversed();
		Comparator<SqlGroup> byActive = Comparator.comparingInt(SqlGroup::active).reversed();
		Comparator<SqlGroup> rest = Comparator.comparing(SqlGroup::longestSeconds).reversed()
			.thenComparing(SqlGroup::sqlId);
		return switch (order) {
			case ACTIVE -> byActive.thenComparing(bySessions).thenComparing(rest);
			case TOTAL -> bySessions.thenComparing(byActive).thenComparing(rest);
			case NAME -> Comparator.comparing((SqlGroup g) -> g.sample() != null ? g.sample() : "").thenComparing(rest);
		};
	}

}
