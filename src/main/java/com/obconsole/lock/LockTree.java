package com.obconsole.lock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.obconsole.engine.LockWait;
import com.obconsole.engine.LockWaits;
import com.obconsole.engine.Session;
import com.obconsole.session.SessionSnapshot;

/**
 * Who blocks whom, as a forest: each root blocker (holding locks others wait for and waiting for
 * nobody) with its waiters beneath it, recursively. Roots with the most sessions blocked in all come
 * first, then the longest wait. Waits in a cycle (a deadlock not yet broken) have no root: the cycle
 * is entered at its longest waiter's holder, so nobody waiting is left out.
 *
 * @param takenAt the snapshot's instant
 * @param minWaitMicros the shortest wait shown
 * @param roots the root blockers
 * @param waiting how many sessions wait, in all
 * @param unavailable why the engine gives no lock waits (a message code), or {@code null}
 * @param source the view read (or, where the read failed, its error)
 */
public record LockTree(Instant takenAt, long minWaitMicros, List<LockNode> roots, int waiting, String unavailable,
		String source) {

	static final Comparator<LockNode> ROOT_ORDER = Comparator.comparingInt(LockNode::blocksInAll)
		.thenComparingLong(LockNode::longestWaitMicros)
		.reversed();

	/** Builds the tree of the snapshot's waits of at least {@code minWaitMicros}. */
	public static LockTree of(SessionSnapshot snapshot, long minWaitMicros) {
		LockWaits all = snapshot.locks();
		if (!all.isAvailable()) {
			return new LockTree(snapshot.takenAt(), minWaitMicros, List.of(), 0, all.unavailable(), all.source());
		}
		LockWaits waits = all.atLeast(minWaitMicros);
		Map<Long, Session> sessions = new HashMap<>();
		for (Session session : snapshot.sessions()) {
			sessions.put(session.id(), session);
		}
		Builder builder = new Builder(waits, sessions, snapshot.consoleSessionIds());
		List<LockNode> roots = builder.roots();
		roots.sort(ROOT_ORDER);
		return new LockTree(snapshot.takenAt(), minWaitMicros, List.copyOf(roots), waits.byWaiter().size(), null,
				all.source());
	}

	public boolean isAvailable() {
		return this.unavailable == null;
	}

	public boolean isEmpty() {
		return this.roots.isEmpty();
	}

	/** The shortest wait shown, in ms, as the filter reads it. */
	public long minWaitMs() {
		return this.minWaitMicros / 1000;
	}

	private static final class Builder {

		private final Map<Long, LockWait> byWaiter;

		private final Map<Long, List<LockWait>> byHolder;

		private final Map<String, List<LockWait>> byHolderTransaction = new HashMap<>();

		private final Map<Long, Session> sessions;

		private final Set<Long> console;

		private final Set<Long> placed = new HashSet<>();

		Builder(LockWaits waits, Map<Long, Session> sessions, Set<Long> console) {
			this.byWaiter = waits.byWaiter();
			this.byHolder = waits.byHolder();
			this.sessions = sessions;
			this.console = console;
			for (LockWait wait : this.byWaiter.values()) {
				if (wait.holderId() == null && wait.holderTransaction() != null) {
					this.byHolderTransaction.computeIfAbsent(wait.holderTransaction(), (t) -> new ArrayList<>()).add(wait);
				}
			}
		}

		List<LockNode> roots() {
			List<LockNode> roots = new ArrayList<>();
			// Holders that wait for nobody.
			for (long holder : new LinkedHashSet<>(this.byHolder.keySet())) {
				if (!this.byWaiter.containsKey(holder)) {
					roots.add(node(holder, null));
				}
			}
			// Holders the engine names only by their transaction.
			this.byHolderTransaction.forEach((transaction, waits) -> {
				List<LockNode> waiters = waiters(waits);
				roots.add(new LockNode(0, null, null, waits.get(0), transaction, waiters, count(waiters), false));
			});
			// A cycle: enter it at the holder of its longest wait.
			List<LockWait> left = new ArrayList<>(this.byWaiter.values());
			left.sort(Comparator.comparingLong(LockWait::waitedMicros).reversed());
			for (LockWait wait : left) {
				if (!this.placed.contains(wait.waiterId()) && wait.holderId() != null
						&& !this.placed.contains(wait.holderId())) {
					roots.add(node(wait.holderId(), null));
				}
			}
			return roots;
		}

		private LockNode node(long id, LockWait waitsFor) {
			this.placed.add(id);
			List<LockWait> mine = this.byHolder.getOrDefault(id, List.of());
			List<LockNode> waiters = waiters(mine);
			return new LockNode(id, this.sessions.get(id), waitsFor, mine.isEmpty() ? null : mine.get(0), null, waiters,
					count(waiters), this.console.contains(id));
		}

		private List<LockNode> waiters(List<LockWait> waits) {
			List<LockNode> waiters = new ArrayList<>();
			for (LockWait wait : waits) {
				// A session waits for one lock: it hangs under the holder of that one, once.
				if (this.byWaiter.get(wait.waiterId()) == wait && !this.placed.contains(wait.waiterId())) {
					waiters.add(node(wait.waiterId(), wait));
				}
			}
			waiters.sort(Comparator.comparingLong((LockNode n) -> n.waitsFor().waitedMicros()).reversed());
			return waiters;
		}

		private static int count(List<LockNode> waiters) {
			int all = 0;
			for (LockNode waiter : waiters) {
				all += 1 + waiter.blocksInAll();
			}
			return all;
		}

	}

}
