package com.obconsole.lock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.obconsole.engine.LockWait;
import com.obconsole.engine.Session;

/**
 * The lock tree as the API gives it: ids as strings (session ids exceed JavaScript's safe integers),
 * waits in µs as the engine gives them and in seconds.
 */
record LockTreeJson(String target, String tenant, Instant takenAt, long minWaitMs, boolean available,
		String unavailable, String source, int waiting, List<Node> roots) {

	static LockTreeJson of(String target, String tenant, LockTree tree, String unavailableText) {
		return new LockTreeJson(target, tenant, tree.takenAt(), tree.minWaitMs(), tree.isAvailable(), unavailableText,
				tree.source(), tree.waiting(), tree.roots().stream().map(Node::of).toList());
	}

	record Node(String sessionId, String holderTransaction, String user, String source, String database, String status,
			String sql, boolean idleInTransaction, BigDecimal transactionSeconds, Long waitedMicros,
			BigDecimal waitedSeconds, Lock waitsFor, Lock holds, int blocksDirectly, int blocksInAll, boolean console,
			List<Node> waiters) {

		static Node of(LockNode node) {
			Session s = node.session();
			return new Node(node.idText(), node.holderTransaction(), (s != null) ? s.user() : null,
					(s != null) ? s.source() : null, (s != null) ? s.database() : null, (s != null) ? s.status() : null,
					(s != null) ? s.sql() : null, node.idleInTransaction(), node.transactionSeconds(),
					(node.waitsFor() != null) ? node.waitsFor().waitedMicros() : null, node.waitedSeconds(),
					Lock.waited(node.waitsFor()), Lock.held(node.held()), node.blocksDirectly(), node.blocksInAll(),
					node.console(), node.waiters().stream().map(Node::of).toList());
		}

	}

	/** A lock: the table and row, the mode asked for (by the waiter) or held (by the holder), the transactions. */
	record Lock(String table, String rowKey, String requestedMode, String heldMode, String holderSessionId,
			String holderTransaction, String waiterTransaction) {

		static Lock waited(LockWait wait) {
			return (wait == null) ? null : new Lock(wait.table(), wait.rowKey(), wait.requestedMode(), wait.heldMode(),
					(wait.holderId() != null) ? Long.toUnsignedString(wait.holderId()) : null, wait.holderTransaction(),
					wait.waiterTransaction());
		}

		static Lock held(LockWait wait) {
			return (wait == null) ? null
					: new Lock(wait.table(), wait.rowKey(), null, wait.heldMode(), null, wait.holderTransaction(), null);
		}

	}

}
