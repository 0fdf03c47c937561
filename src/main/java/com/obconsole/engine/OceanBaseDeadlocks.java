package com.obconsole.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deadlock history on OceanBase 4.x and seekdb (reference section 9.5): one row per node of each
 * cycle, grouped here by EVENT_ID and ordered by CYCLE_IDX. A sys-tenant connection reads a user
 * tenant's from {@code CDB_OB_DEADLOCK_EVENT_HISTORY} by TENANT_ID where that view has the column;
 * otherwise the connection's own tenant's from {@code DBA_OB_DEADLOCK_EVENT_HISTORY}. The views'
 * columns (and REPORT_TIME's type) are learned once.
 */
final class OceanBaseDeadlocks {

	static final String TENANT_VIEW = "oceanbase.DBA_OB_DEADLOCK_EVENT_HISTORY";

	static final String SYS_VIEW = "oceanbase.CDB_OB_DEADLOCK_EVENT_HISTORY";

	/** Newer versions write {@code {session_id:N}:{txid:M}}; seekdb 1.3 writes {@code {txid:M}}. */
	private static final Pattern SESSION = Pattern.compile("session_?id\\W{0,3}(\\d+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern TRANSACTION = Pattern.compile("tx_?id\\W{0,3}(\\d+)", Pattern.CASE_INSENSITIVE);

	private static final List<String> OPTIONAL = List.of("SVR_IP", "SVR_PORT", "ROLE", "PRIORITY_LEVEL", "PRIORITY",
			"VISITOR", "OBJECT", "EXTRA_NAME1", "EXTRA_VALUE1", "EXTRA_NAME2", "EXTRA_VALUE2", "EXTRA_NAME3",
			"EXTRA_VALUE3");

	/** The connection's own tenant's view, or {@code null} where it cannot be read. */
	private final Source tenantView;

	/** The sys view, where it can filter by TENANT_ID; else {@code null}. */
	private final Source sysView;

	/** REPORT_TIME in µs since the epoch (seekdb 1.3: BIGINT), else a timestamp. */
	private final boolean micros;

	private OceanBaseDeadlocks(Source tenantView, Source sysView, boolean micros) {
		this.tenantView = tenantView;
		this.sysView = sysView;
		this.micros = micros;
	}

	/** Learns which views this connection may read; {@code null} when neither. */
	static OceanBaseDeadlocks discover(JdbcClient jdbc) {
		Source sys = Source.of(jdbc, SYS_VIEW);
		// seekdb 1.3's CDB view has no TENANT_ID: it is the DBA view again.
		if (sys != null && !sys.columns().has("TENANT_ID")) {
			sys = null;
		}
		Source own = Source.of(jdbc, TENANT_VIEW);
		Source any = (own != null) ? own : sys;
		if (any == null) {
			return null;
		}
		boolean micros = jdbc.sql("SELECT REPORT_TIME FROM " + any.view() + " WHERE 1 = 0").query((ResultSet rs) -> {
			int type = rs.getMetaData().getColumnType(1);
			return type == Types.BIGINT || type == Types.INTEGER || type == Types.DECIMAL || type == Types.NUMERIC;
		});
		return new OceanBaseDeadlocks(own, sys, micros);
	}

	DeadlockHistory read(JdbcClient jdbc, String tenant, Instant since, Instant until, int offset, int limit) {
		Long tenantId = (tenant != null && this.sysView != null) ? tenantId(jdbc, tenant) : null;
		Source source = (tenantId != null) ? this.sysView : this.tenantView;
		if (source == null) {
			// Only the sys view is readable, and it cannot tell this tenant's rows.
			return DeadlockHistory.unavailable("deadlocks.unavailable.tenant", SYS_VIEW);
		}
		String view = source.view();
		String where = " WHERE REPORT_TIME >= :since AND REPORT_TIME < :until"
				+ ((tenantId != null) ? " AND TENANT_ID = :tenantId" : "");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("since", time(since));
		params.put("until", time(until));
		if (tenantId != null) {
			params.put("tenantId", tenantId);
		}
		long total = jdbc.sql("SELECT COUNT(DISTINCT EVENT_ID) FROM " + view + where)
			.params(params)
			.query(Long.class)
			.single();
		if (total == 0 || offset >= total) {
			return new DeadlockHistory(List.of(), total, null, view, false);
		}
		// Page over events, not rows: a cycle of n transactions is n rows.
		List<String> ids = jdbc.sql("SELECT EVENT_ID, MAX(REPORT_TIME) AS REPORTED FROM " + view + where
				+ " GROUP BY EVENT_ID ORDER BY REPORTED DESC, EVENT_ID DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> rs.getString(1))
			.list();
		return new DeadlockHistory(events(jdbc, source, ids, tenantId), total, null, view, false);
	}

	private List<Deadlock> events(JdbcClient jdbc, Source source, List<String> ids, Long tenantId) {
		if (ids.isEmpty()) {
			return List.of();
		}
		ProcesslistColumns columns = source.columns();
		List<String> optional = OPTIONAL.stream().filter(columns::has).toList();
		String select = "SELECT EVENT_ID, REPORT_TIME" + (optional.isEmpty() ? "" : ", " + String.join(", ", optional))
				+ " FROM " + source.view() + " WHERE EVENT_ID IN (:ids)" + ((tenantId != null) ? " AND TENANT_ID = :tenantId" : "")
				+ (columns.has("CYCLE_IDX") ? " ORDER BY EVENT_ID, CYCLE_IDX" : " ORDER BY EVENT_ID");
		JdbcClient.StatementSpec statement = jdbc.sql(select).param("ids", ids.stream().map(Long::valueOf).toList());
		if (tenantId != null) {
			statement = statement.param("tenantId", tenantId);
		}
		Map<String, Instant> times = new LinkedHashMap<>();
		Map<String, List<DeadlockMember>> members = new LinkedHashMap<>();
		for (String id : ids) {
			members.put(id, new ArrayList<>());
		}
		statement.query((ResultSet rs) -> {
			String id = rs.getString("EVENT_ID");
			Instant time = instant(rs);
			times.merge(id, time, (a, b) -> (a == null || (b != null && b.isAfter(a))) ? b : a);
			members.computeIfAbsent(id, (k) -> new ArrayList<>()).add(member(rs, columns));
		});
		List<Deadlock> events = new ArrayList<>(ids.size());
		for (String id : ids) {
			events.add(new Deadlock(id, times.get(id), members.get(id), null));
		}
		return events;
	}

	private static DeadlockMember member(ResultSet rs, ProcesslistColumns columns) throws SQLException {
		String visitor = text(rs, columns, "VISITOR");
		String role = text(rs, columns, "ROLE");
		String sql = null;
		for (int i = 1; i <= 3 && sql == null; i++) {
			String name = text(rs, columns, "EXTRA_NAME" + i);
			if (name != null && name.trim().equalsIgnoreCase("current sql")) {
				sql = OceanBaseDialect.emptyToNull(text(rs, columns, "EXTRA_VALUE" + i));
			}
		}
		String level = text(rs, columns, "PRIORITY_LEVEL");
		String priority = text(rs, columns, "PRIORITY");
		String given = (level == null) ? priority : (priority == null) ? level : level + " " + priority;
		return new DeadlockMember(sessionId(visitor), transaction(visitor), sql,
				OceanBaseDialect.emptyToNull(text(rs, columns, "OBJECT")), "victim".equalsIgnoreCase(role), role, given);
	}

	private Instant instant(ResultSet rs) throws SQLException {
		if (this.micros) {
			long micros = rs.getLong("REPORT_TIME");
			return rs.wasNull() ? null : Instant.EPOCH.plusNanos(micros * 1000);
		}
		Timestamp time = rs.getTimestamp("REPORT_TIME");
		return (time != null) ? time.toInstant() : null;
	}

	private Object time(Instant instant) {
		if (this.micros) {
			return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
		}
		return Timestamp.from(instant);
	}

	private static String text(ResultSet rs, ProcesslistColumns columns, String column) throws SQLException {
		return columns.has(column) ? rs.getString(column) : null;
	}

	/** A tenant's id by its name; {@code null} where this connection cannot say (no DBA_OB_TENANTS). */
	private static Long tenantId(JdbcClient jdbc, String tenant) {
		try {
			return jdbc.sql("SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = :tenant")
				.param("tenant", tenant)
				.query(Long.class)
				.optional()
				.orElse(null);
		}
		catch (DataAccessException ex) {
			return null;
		}
	}

	/** The session id in a VISITOR, where the version writes one. */
	static Long sessionId(String visitor) {
		Matcher found = (visitor != null) ? SESSION.matcher(visitor) : null;
		if (found == null || !found.find()) {
			return null;
		}
		try {
			long id = Long.parseUnsignedLong(found.group(1));
			return (id == 0) ? null : id;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The transaction id in a VISITOR ({@code {txid:M}}), or the VISITOR as given (older versions: the id). */
	static String transaction(String visitor) {
		if (visitor == null || visitor.isEmpty()) {
			return null;
		}
		Matcher found = TRANSACTION.matcher(visitor);
		return found.find() ? found.group(1) : visitor;
	}

	/** A history view and the columns it has on this target. */
	private record Source(String view, ProcesslistColumns columns) {

		static Source of(JdbcClient jdbc, String view) {
			try {
				ProcesslistColumns columns = ProcesslistColumns.of(jdbc, view);
				return (columns.has("EVENT_ID") && columns.has("REPORT_TIME")) ? new Source(view, columns) : null;
			}
			catch (DataAccessException ex) {
				// Not on this version, not in this kind of tenant, or not readable by this user.
				return null;
			}
		}

	}

}
