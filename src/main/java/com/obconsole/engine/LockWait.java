package com.obconsole.engine;

/**
 * One session waiting for a lock another session holds, as the engine reports it now.
 *
 * @param waiterId the waiting session
 * @param waiterTransaction its transaction id, as the engine writes it, or {@code null}
 * @param holderId the session holding the lock, or {@code null} where the engine names only its transaction
 * @param holderTransaction the holder's transaction id, or {@code null}
 * @param waitedMicros how long the waiter has waited, in µs (OceanBase CTIME; InnoDB from trx_wait_started)
 * @param table the locked table ({@code db.table} where the engine says), or {@code null}
 * @param rowKey the locked row's key as the engine writes it, or {@code null}
 * @param requestedMode the mode the waiter asks for (X, S, ...)
 * @param heldMode the mode the holder has, or {@code null} if not reported
 * @param holderTransactionMicros how long the holder's transaction has held its locks, µs, or {@code null}
 */
public record LockWait(long waiterId, String waiterTransaction, Long holderId, String holderTransaction,
		long waitedMicros, String table, String rowKey, String requestedMode, String heldMode,
		Long holderTransactionMicros) {
}
