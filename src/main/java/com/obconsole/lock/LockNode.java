package com.obconsole.lock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.obconsole.engine.LockWait;
import com.obconsole.engine.Session;

/**
 * A session in the lock tree: what it waits for (none for a root), and who waits for it.
 *
 * @param id the session id; for a holder the engine names only by transaction, 0
 * @param session the session as the snapshot shows it, or {@code null} if it is not in the snapshot
 *        (ended meanwhile, or of another tenant)
 * @param waitsFor the lock this session waits for, or {@code null} for a root
 * @param held the lock as its waiters see it held by this session (mode, the transaction's age), or {@code null}
 * @param holderTransaction a root known only by its transaction: its id; else {@code null}
 * @param waiters the sessions waiting for this one, longest wait first
 * @param blocksInAll every session waiting for this one, directly or through another
 * @param console whether it is one of the console's own connections (never offered to close)
 */
public record LockNode(long id, Session session, LockWait waitsFor, LockWait held, String holderTransaction,
		List<LockNode> waiters, int blocksInAll, boolean console) {

	public String idText() {
		return (this.id != 0) ? Long.toUnsignedString(this.id) : null;
	}

	public int blocksDirectly() {
		return this.waiters.size();
	}

	public boolean isRoot() {
		return this.waitsFor == null;
	}

	/** Holding locks while running nothing: the "forgot to commit" case. */
	public boolean idleInTransaction() {
		return this.session != null && !this.session.hasSql() && this.session.hasOpenTransaction();
	}

	/** The wait in seconds, to the millisecond. */
	public BigDecimal waitedSeconds() {
		return (this.waitsFor != null) ? seconds(this.waitsFor.waitedMicros()) : null;
	}

	/** How long this holder's transaction has held its locks, in seconds, where the engine says. */
	public BigDecimal transactionSeconds() {
		return (this.held != null && this.held.holderTransactionMicros() != null)
				? seconds(this.held.holderTransactionMicros()) : null;
	}

	/** The longest wait in this subtree, µs: roots are ordered by it after their count. */
	long longestWaitMicros() {
		long longest = (this.waitsFor != null) ? this.waitsFor.waitedMicros() : 0;
		for (LockNode waiter : this.waiters) {
			longest = Math.max(longest, waiter.longestWaitMicros());
		}
		return longest;
	}

	/** Whether it can be closed from the tree: a session still listed and not the console's own. */
	public boolean closable() {
		return this.session != null && !this.console;
	}

	private static BigDecimal seconds(long micros) {
		return BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP);
	}

}
