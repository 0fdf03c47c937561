package com.obconsole.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lock waits on MariaDB ({@code information_schema.INNODB_LOCK_WAITS} with {@code INNODB_TRX} and
 * {@code INNODB_LOCKS}) and MySQL 8 ({@code performance_schema.data_lock_waits} with
 * {@code data_locks} and {@code threads}): whichever the server has, learned once. Both need the
 * PROCESS privilege. The InnoDB views are a cache at most 0.1 s old, and trx_wait_started has whole
 * seconds, so a wait's length is to the second.
 */
final class InnoDbLocks {

	/*
	 * MariaDB lists a waiter once per transaction ahead of it for the row (500 waiters on 5 rows are
	 * 25,250 wait rows), and its information_schema tables have no indexes: joined in SQL they took
	 * 4.4 s. Read apart (the waits first: none is the common case) and joined here, they take
	 * milliseconds.
	 */
	static final String MARIADB_WAITS_SQL = "SELECT requesting_trx_id, requested_lock_id, blocking_trx_id,"
			+ " blocking_lock_id FROM information_schema.INNODB_LOCK_WAITS";

	static final String MARIADB_TRX_SQL = "SELECT trx_id, trx_mysql_thread_id, trx_requested_lock_id,"
			+ " TIMESTAMPDIFF(MICROSECOND, trx_wait_started, NOW(6)), TIMESTAMPDIFF(MICROSECOND, trx_started, NOW(6))"
			+ " FROM information_schema.INNODB_TRX";

	static final String MARIADB_LOCKS_SQL = "SELECT lock_id, lock_mode, lock_table, lock_index, lock_data"
			+ " FROM information_schema.INNODB_LOCKS";

	static final String MYSQL8_SQL = """
			SELECT rt.PROCESSLIST_ID, w.REQUESTING_ENGINE_TRANSACTION_ID, bt.PROCESSLIST_ID,
			       w.BLOCKING_ENGINE_TRANSACTION_ID, TIMESTAMPDIFF(MICROSECOND, r.trx_wait_started, NOW(6)),
			       CONCAT(rl.OBJECT_SCHEMA, '.', rl.OBJECT_NAME), rl.INDEX_NAME, rl.LOCK_DATA, rl.LOCK_MODE,
			       bl.LOCK_MODE, TIMESTAMPDIFF(MICROSECOND, b.trx_started, NOW(6)), bl.LOCK_STATUS = 'GRANTED'
			FROM performance_schema.data_lock_waits w
			JOIN performance_schema.threads rt ON rt.THREAD_ID = w.REQUESTING_THREAD_ID
			JOIN performance_schema.threads bt ON bt.THREAD_ID = w.BLOCKING_THREAD_ID
			LEFT JOIN performance_schema.data_locks rl ON rl.ENGINE_LOCK_ID = w.REQUESTING_ENGINE_LOCK_ID
			LEFT JOIN performance_schema.data_locks bl ON bl.ENGINE_LOCK_ID = w.BLOCKING_ENGINE_LOCK_ID
			LEFT JOIN information_schema.INNODB_TRX r ON r.trx_id = w.REQUESTING_ENGINE_TRANSACTION_ID
			LEFT JOIN information_schema.INNODB_TRX b ON b.trx_id = w.BLOCKING_ENGINE_TRANSACTION_ID
			""";

	private final String sql;

	private final String source;

	private final String unavailable;

	private InnoDbLocks(String sql, String source, String unavailable) {
		this.sql = sql;
		this.source = source;
		this.unavailable = unavailable;
	}

	static InnoDbLocks discover(JdbcClient jdbc) {
		if (works(jdbc, "SELECT requesting_trx_id FROM information_schema.INNODB_LOCK_WAITS WHERE 1 = 0")) {
			return new InnoDbLocks(null, "information_schema.INNODB_LOCK_WAITS", null);
		}
		if (works(jdbc, "SELECT REQUESTING_THREAD_ID FROM performance_schema.data_lock_waits WHERE 1 = 0")) {
			return new InnoDbLocks(MYSQL8_SQL, "performance_schema.data_lock_waits", null);
		}
		return new InnoDbLocks(null, "information_schema.INNODB_LOCK_WAITS", "locks.unavailable.innodb");
	}

	private static boolean works(JdbcClient jdbc, String probe) {
		try {
			jdbc.sql(probe).query().listOfRows();
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	LockWaits read(JdbcClient jdbc) {
		if (this.unavailable != null) {
			return LockWaits.unavailable(this.unavailable, this.source);
		}
		if (this.sql == null) {
			return new LockWaits(holders(readMariaDb(jdbc)), null, this.source);
		}
		List<Row> rows = jdbc.sql(this.sql).query((rs, n) -> {
			long holder = rs.getLong(3);
			Long holderId = rs.wasNull() ? null : holder;
			long age = rs.getLong(11);
			Long holderAge = rs.wasNull() ? null : age;
			String index = rs.getString(7);
			String table = unquote(rs.getString(6));
			LockWait wait = new LockWait(rs.getLong(1), rs.getString(2), holderId, rs.getString(4), Math.max(0, rs.getLong(5)),
					(index != null && table != null) ? table + " (" + index + ")" : table, rs.getString(8), rs.getString(9),
					rs.getString(10), holderAge);
			return new Row(wait, rs.getBoolean(12));
		}).list();
		return new LockWaits(holders(rows), null, this.source);
	}

	private static List<Row> readMariaDb(JdbcClient jdbc) {
		List<String[]> edges = jdbc.sql(MARIADB_WAITS_SQL)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		if (edges.isEmpty()) {
			return List.of();
		}
		Map<String, Trx> transactions = new HashMap<>();
		jdbc.sql(MARIADB_TRX_SQL).query((rs) -> {
			long wait = rs.getLong(4);
			Long waited = rs.wasNull() ? null : wait;
			long age = rs.getLong(5);
			Long started = rs.wasNull() ? null : age;
			transactions.put(rs.getString(1), new Trx(rs.getString(1), rs.getLong(2), rs.getString(3), waited, started));
		});
		Map<String, Lock> locks = new HashMap<>();
		jdbc.sql(MARIADB_LOCKS_SQL).query((rs) -> {
			String table = unquote(rs.getString(3));
			String index = rs.getString(4);
			locks.put(rs.getString(1), new Lock(rs.getString(2),
					(index != null && table != null) ? table + " (" + index + ")" : table, rs.getString(5)));
		});
		List<Row> rows = new ArrayList<>(edges.size());
		for (String[] edge : edges) {
			Trx waiter = transactions.get(edge[0]);
			Trx blocker = transactions.get(edge[2]);
			if (waiter == null || blocker == null) {
				continue; // ended between the reads
			}
			Lock requested = locks.getOrDefault(edge[1], Lock.UNKNOWN);
			Lock blocking = locks.getOrDefault(edge[3], Lock.UNKNOWN);
			LockWait wait = new LockWait(waiter.thread(), waiter.id(), blocker.thread(), blocker.id(),
					(waiter.waitedMicros() != null) ? Math.max(0, waiter.waitedMicros()) : 0, requested.table(),
					requested.data(), requested.mode(), blocking.mode(), blocker.ageMicros());
			rows.add(new Row(wait, blocker.requestedLockId() == null || !blocker.requestedLockId().equals(edge[3])));
		}
		return rows;
	}

	/** A row of INNODB_TRX. */
	private record Trx(String id, long thread, String requestedLockId, Long waitedMicros, Long ageMicros) {
	}

	/** A row of INNODB_LOCKS: mode, {@code db.table (index)}, the key. */
	private record Lock(String mode, String table, String data) {

		static final Lock UNKNOWN = new Lock(null, null, null);

	}

	/**
	 * InnoDB also lists, as a blocker, every session queued ahead for the same row: with A holding
	 * row 1 and B then C asking for it, C "waits for" A and for B. The tree shows whom a session waits
	 * for as the one holding the lock, so a queued-ahead blocker is kept only when nobody holding is
	 * named for that waiter.
	 */
	static List<LockWait> holders(List<Row> rows) {
		Set<Long> waitOnHolder = new HashSet<>();
		for (Row row : rows) {
			if (row.blockerHolds()) {
				waitOnHolder.add(row.lockWait().waiterId());
			}
		}
		List<LockWait> waits = new ArrayList<>();
		for (Row row : rows) {
			if (row.blockerHolds() || !waitOnHolder.contains(row.lockWait().waiterId())) {
				waits.add(row.lockWait());
			}
		}
		return waits;
	}

	/** One wait row, and whether its blocker holds the lock (rather than queues for it ahead). */
	record Row(LockWait lockWait, boolean blockerHolds) {
	}

	/** INNODB_LOCKS writes tables as {@code `db`.`table`}. */
	static String unquote(String table) {
		return (table != null) ? table.replace("`", "") : null;
	}

}
