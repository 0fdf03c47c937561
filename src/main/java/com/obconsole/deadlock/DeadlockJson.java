package com.obconsole.deadlock;

import java.time.Instant;
import java.util.List;

import com.obconsole.engine.Deadlock;
import com.obconsole.engine.DeadlockHistory;
import com.obconsole.engine.DeadlockMember;

/** The deadlock history as the API gives it: ids as strings (they exceed JavaScript's safe integers). */
record DeadlockJson(String target, String tenant, Instant since, Instant until, int page, int size, long total,
		boolean hasMore, boolean available, String unavailable, String source, boolean latestOnly, List<Event> events) {

	static DeadlockJson of(String target, String tenant, DeadlockQuery query, DeadlockHistory history,
			String unavailableText) {
		return new DeadlockJson(target, tenant, query.since(), query.until(), query.page(), query.size(), history.total(),
				history.hasMoreAfter(query.offset()), history.isAvailable(), unavailableText, history.source(),
				history.latestOnly(), history.events().stream().map(Event::of).toList());
	}

	record Event(String id, Instant time, List<Member> members, String text) {

		static Event of(Deadlock deadlock) {
			return new Event(deadlock.id(), deadlock.time(), deadlock.members().stream().map(Member::of).toList(),
					deadlock.text());
		}

	}

	record Member(String sessionId, String transaction, String sql, String object, boolean rolledBack, String role,
			String priority) {

		static Member of(DeadlockMember m) {
			return new Member((m.sessionId() != null) ? Long.toUnsignedString(m.sessionId()) : null, m.transaction(),
					m.sql(), m.object(), m.rolledBack(), m.role(), m.priority());
		}

	}

}
