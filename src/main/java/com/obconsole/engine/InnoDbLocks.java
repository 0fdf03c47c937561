package com.obconsole.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

	static final String MARIADB_SQL = """
			SELECT r.trx_mysql_thread_id, r.trx_id, b.trx_mysql_thread_id, b.trx_id,
			       TIMESTAMPDIFF(MICROSECOND, r.trx_wait_started, NOW(6)), rl.lock_table, rl.lock_index, rl.lock_data,
			       rl.lock_mode, bl.lock_mode, TIMESTAMPDIFF(MICROSECOND, b.trx_started, NOW(6)),
			       (b.trx_requested_lock_id IS NULL OR b.trx_requested_lock_id <> w.blocking_lock_id)
			FROM information_schema.INNODB_LOCK_WAITS w
			JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id
			JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id
			LEFT JOIN information_schema.INNODB_LOCKS rl ON rl.lock_id = w.requested_lock_id
			LEFT JOIN information_schema.INNODB_LOCKS bl ON bl.lock_id = w.blocking_lock_id
			""";

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
			return new InnoDbLocks(MARIADB_SQL, "information_schema.INNODB_LOCK_WAITS", null);
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
