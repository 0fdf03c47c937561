package com.obconsole.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lock waits on OceanBase 4.x and seekdb, from {@code GV$OB_LOCKS} (reference section 9.1). The
 * view's shape differs by version, so its columns are learned once. In the shape with
 * {@code SESSION_ID} (4.3, seekdb 1.3, later 4.2) a wait row ({@code BLOCK = 1}) names the waiter in
 * {@code SESSION_ID}, the holder's transaction in {@code ID1}, the holder's session in {@code ID2},
 * and for a row lock the tablet and row key in {@code ID3}. The early 4.2 shape names only
 * transactions; it is refused with that reason rather than guessed at.
 * Never {@code information_schema.INNODB_*}: on OceanBase they are constant stubs.
 */
final class OceanBaseLocks {

	private final String view;

	private final String unavailable;

	/** Tablet id → db.table, learned as tablets appear (a tablet keeps its table). */
	private final Map<String, String> tables = new ConcurrentHashMap<>();

	private volatile boolean tableNamesMissing;

	private OceanBaseLocks(String view, String unavailable) {
		this.view = view;
		this.unavailable = unavailable;
	}

	static OceanBaseLocks discover(JdbcClient jdbc) {
		for (String view : List.of("oceanbase.GV$OB_LOCKS", "oceanbase.V$OB_LOCKS")) {
			try {
				ProcesslistColumns columns = ProcesslistColumns.of(jdbc, view);
				boolean usable = columns.has("SESSION_ID") && columns.has("ID2") && columns.has("BLOCK");
				return new OceanBaseLocks(view, usable ? null : "locks.unavailable.transactionsOnly");
			}
			catch (DataAccessException ex) {
				// Not on this version, or not readable by this user: try the next.
			}
		}
		return new OceanBaseLocks("oceanbase.GV$OB_LOCKS", "locks.unavailable.noLockView");
	}

	LockWaits read(JdbcClient jdbc) {
		if (this.unavailable != null) {
			return LockWaits.unavailable(this.unavailable, this.view);
		}
		List<Row> waits = jdbc.sql("SELECT SESSION_ID, TRANS_ID, TYPE, ID1, ID2, ID3, REQUEST, CTIME FROM " + this.view
				+ " WHERE BLOCK = 1")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getLong(8)))
			.list();
		if (waits.isEmpty()) {
			return new LockWaits(List.of(), null, this.view);
		}
		Set<String> holderTransactions = new LinkedHashSet<>();
		Set<String> tablets = new LinkedHashSet<>();
		for (Row wait : waits) {
			if (wait.id1() != null) {
				holderTransactions.add(wait.id1());
			}
			if (wait.tablet() != null && !this.tables.containsKey(wait.tablet())) {
				tablets.add(wait.tablet());
			}
		}
		Held held = held(jdbc, holderTransactions);
		learnTables(jdbc, tablets);
		List<LockWait> found = new ArrayList<>(waits.size());
		for (Row wait : waits) {
			Long holder = parseSession(wait.id2());
			String table = (wait.tablet() != null) ? this.tables.getOrDefault(wait.tablet(), "tablet " + wait.tablet())
					: null;
			found.add(new LockWait(wait.sessionId(), wait.transaction(), holder, wait.id1(), wait.ctime(), table,
					wait.rowKey(), wait.request(), held.modes().get(wait.id1() + "/" + wait.id3()),
					held.ages().get(wait.id1())));
		}
		return new LockWaits(found, null, this.view);
	}

	/** The holders' own rows: the mode of each held row lock, and how long each transaction has held its TX lock. */
	private Held held(JdbcClient jdbc, Set<String> transactions) {
		Map<String, String> modes = new HashMap<>();
		Map<String, Long> ages = new HashMap<>();
		if (transactions.isEmpty()) {
			return new Held(modes, ages);
		}
		jdbc.sql("SELECT TRANS_ID, TYPE, ID3, LMODE, CTIME FROM " + this.view
				+ " WHERE BLOCK = 0 AND TRANS_ID IN (:transactions)")
			.param("transactions", List.copyOf(transactions))
			.query((rs) -> {
				String transaction = rs.getString(1);
				String type = rs.getString(2);
				if ("TX".equals(type)) {
					ages.put(transaction, rs.getLong(5));
				}
				else if ("TR".equals(type)) {
					modes.put(transaction + "/" + rs.getString(3), rs.getString(4));
				}
			});
		return new Held(modes, ages);
	}

	/**
	 * Tablet → database and table, in the order tried: the dictionary view of a tenant, of sys, and
	 * (seekdb 1.3 has neither view) the tenant's own inner tables, where an index's tablet is named by
	 * its table with the index in brackets.
	 */
	static final List<String> TABLE_NAMES_SQL = List.of(
			"SELECT DISTINCT TABLET_ID, DATABASE_NAME, TABLE_NAME FROM oceanbase.DBA_OB_TABLE_LOCATIONS"
					+ " WHERE TABLET_ID IN (:tablets)",
			"SELECT DISTINCT TABLET_ID, DATABASE_NAME, TABLE_NAME FROM oceanbase.CDB_OB_TABLE_LOCATIONS"
					+ " WHERE TABLET_ID IN (:tablets)",
			"""
			SELECT t.tablet_id, d.database_name,
			       CASE WHEN dt.table_name IS NULL THEN tb.table_name ELSE CONCAT(dt.table_name, ' (', tb.table_name, ')') END
			FROM oceanbase.__all_tablet_to_ls t
			JOIN oceanbase.__all_table tb ON tb.table_id = t.table_id
			JOIN oceanbase.__all_database d ON d.database_id = tb.database_id
			LEFT JOIN oceanbase.__all_table dt ON dt.table_id = tb.data_table_id AND tb.data_table_id <> 0
			WHERE t.tablet_id IN (:tablets)
			""");

	/** Names the tablets' tables; a user without the dictionary view keeps "tablet N". */
	private void learnTables(JdbcClient jdbc, Set<String> tablets) {
		if (tablets.isEmpty() || this.tableNamesMissing) {
			return;
		}
		List<Long> ids = tablets.stream().filter((t) -> t.chars().allMatch(Character::isDigit)).map(Long::valueOf).toList();
		if (ids.isEmpty()) {
			return;
		}
		for (String sql : TABLE_NAMES_SQL) {
			try {
				jdbc.sql(sql).param("tablets", ids).query((rs) -> {
					this.tables.put(rs.getString(1), rs.getString(2) + "." + rs.getString(3));
				});
				return;
			}
			catch (DataAccessException ex) {
				// Not this release's or tenant's kind of dictionary: try the next.
			}
		}
		this.tableNamesMissing = true;
	}

	/** ID2 of a wait row: the holder's session id, where the engine knows it. */
	private static Long parseSession(String id2) {
		if (id2 == null || id2.isEmpty() || !id2.chars().allMatch(Character::isDigit)) {
			return null;
		}
		try {
			long id = Long.parseUnsignedLong(id2);
			return (id == 0) ? null : id;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private record Row(long sessionId, String transaction, String type, String id1, String id2, String id3,
			String request, long ctime) {

		/** ID3 of a row lock is {@code <tablet>-<row key>}. */
		String tablet() {
			int dash = (this.id3 != null) ? this.id3.indexOf('-') : -1;
			return (dash > 0) ? this.id3.substring(0, dash) : null;
		}

		String rowKey() {
			int dash = (this.id3 != null) ? this.id3.indexOf('-') : -1;
			return (dash > 0) ? this.id3.substring(dash + 1) : this.id3;
		}

	}

	private record Held(Map<String, String> modes, Map<String, Long> ages) {
	}

}
