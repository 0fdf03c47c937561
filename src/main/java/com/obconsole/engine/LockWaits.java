package com.obconsole.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lock waits of a target at one read, or why the engine gives none: the edges of the
 * who-blocks-whom graph, with lookups by holder.
 *
 * @param waits every wait read (empty when nobody waits, or when unavailable)
 * @param unavailable a message code saying why this engine has no lock source, or {@code null}
 * @param source the view(s) read, for the page's footnote; for {@code locks.unavailable.readFailed}, the
 *        engine's error instead, which that message shows
 */
public record LockWaits(List<LockWait> waits, String unavailable, String source) {

	public LockWaits {
		waits = List.copyOf(waits);
	}

	/** No waits can be read here, for the given reason (a message code). */
	public static LockWaits unavailable(String reasonCode, String source) {
		return new LockWaits(List.of(), reasonCode, source);
	}

	public boolean isAvailable() {
		return this.unavailable == null;
	}

	/** Only the waits of at least this long. */
	public LockWaits atLeast(long micros) {
		return new LockWaits(this.waits.stream().filter((w) -> w.waitedMicros() >= micros).toList(), this.unavailable,
				this.source);
	}

	/** Only the waits whose waiter is one of these sessions (a tenant's). */
	public LockWaits ofWaiters(Set<Long> sessionIds) {
		return new LockWaits(this.waits.stream().filter((w) -> sessionIds.contains(w.waiterId())).toList(),
				this.unavailable, this.source);
	}

	/** Waits by holder session; waits whose holder is unknown are left out. */
	public Map<Long, List<LockWait>> byHolder() {
		Map<Long, List<LockWait>> byHolder = new HashMap<>();
		for (LockWait wait : this.waits) {
			if (wait.holderId() != null && wait.holderId() != wait.waiterId()) {
				byHolder.computeIfAbsent(wait.holderId(), (id) -> new ArrayList<>()).add(wait);
			}
		}
		return byHolder;
	}

	/** The first wait of each waiting session: what it waits for (a session waits for one lock at a time). */
	public Map<Long, LockWait> byWaiter() {
		Map<Long, LockWait> byWaiter = new HashMap<>();
		for (LockWait wait : this.waits) {
			byWaiter.putIfAbsent(wait.waiterId(), wait);
		}
		return byWaiter;
	}

	/** The sessions that wait on this one directly. */
	public Set<Long> directWaitersOf(long holderId) {
		Set<Long> direct = new LinkedHashSet<>();
		for (LockWait wait : this.waits) {
			if (wait.holderId() != null && wait.holderId() == holderId && wait.waiterId() != holderId) {
				direct.add(wait.waiterId());
			}
		}
		return direct;
	}

	/** Every session that waits on this one, directly or through another waiter; cycles are walked once. */
	public Set<Long> allWaitersOf(long holderId) {
		Map<Long, List<LockWait>> byHolder = byHolder();
		Set<Long> all = new LinkedHashSet<>();
		Deque<Long> next = new ArrayDeque<>(List.of(holderId));
		while (!next.isEmpty()) {
			for (LockWait wait : byHolder.getOrDefault(next.pop(), List.of())) {
				if (wait.waiterId() != holderId && all.add(wait.waiterId())) {
					next.push(wait.waiterId());
				}
			}
		}
		return all;
	}

}
