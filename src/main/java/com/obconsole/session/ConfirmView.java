package com.obconsole.session;

import java.util.List;

import com.obconsole.engine.Session;

/**
 * The confirmation of a close: each chosen session as the current snapshot shows it, or as already
 * ended when the snapshot no longer has it.
 *
 * @param kind what is closed
 * @param tenant the tenant, or {@code null}
 * @param items the chosen sessions, in the order chosen
 * @param links the page's links
 * @param group the SQL ID group the sessions were chosen by, or {@code null} for sessions chosen one by one
 */
public record ConfirmView(CloseKind kind, String tenant, List<Item> items, SessionLinks links, Group group) {

	/**
	 * A close of every session running one SQL ID. What is checked before each KILL is the SQL ID,
	 * not the text or the request: a session that ran the statement again since is still the group's.
	 *
	 * @param sqlId the SQL ID ({@link SqlIds#of})
	 * @param fromEngine whether the engine gave it, or the console digested the text (MySQL, MariaDB)
	 * @param members how many sessions ran it at the snapshot
	 * @param maxBatch the most one close may act on: a larger group is offered its first sessions
	 */
	public record Group(String sqlId, boolean fromEngine, int members, int maxBatch) {

		/** Whether the group has more sessions than one close may act on. */
		public boolean truncated() {
			return this.members > this.maxBatch;
		}

	}

	public boolean byGroup() {
		return this.group != null;
	}

	/** How many of the sessions to close hold an open transaction (rolled back by a session close). */
	public long openTransactions() {
		return live().stream().filter(Item::openTransaction).count();
	}

	/** The SQL ID the form sends as seen: the group's where chosen by group (so the check compares that). */
	public String seenSqlId(Item item) {
		return (this.group != null) ? this.group.sqlId() : item.session().sqlId();
	}

	/** The trace id the form sends as seen: none for a group, whose sessions may have run the SQL again. */
	public String seenTraceId(Item item) {
		return (this.group != null) ? null : item.session().traceId();
	}

	/** The SQL text the form sends as seen (see {@link CloseForm}): none for a group, only its SQL ID. */
	public String seenSql(Item item) {
		return (this.group != null) ? "" : item.seenSql();
	}

	/** "session" or "query", as the form posts it. */
	public String kindParam() {
		return this.kind.param();
	}

	public boolean closesSessions() {
		return this.kind == CloseKind.SESSION;
	}

	/** The items still there to close; ended ones are listed but not posted. */
	public List<Item> live() {
		return this.items.stream().filter((item) -> !item.ended()).toList();
	}

	public boolean anyToClose() {
		return !live().isEmpty();
	}

	/**
	 * One chosen session.
	 * @param id its id
	 * @param row the session as the snapshot shows it, or {@code null} if it has ended
	 * @param waitersDirectly the sessions waiting for its locks directly, at the snapshot
	 * @param waitersInAll how many wait for it, directly or through another
	 */
	public record Item(String id, SessionRow row, List<String> waitersDirectly, int waitersInAll) {

		public Item {
			waitersDirectly = List.copyOf(waitersDirectly);
		}

		/** Whether closing it would release waiters: its confirmation says whom. */
		public boolean blocks() {
			return this.waitersInAll > 0;
		}

		/** The direct waiters, for the sentence: "1, 2, 3". */
		public String waitersList() {
			return String.join(", ", this.waitersDirectly);
		}

		public boolean ended() {
			return this.row == null;
		}

		public Session session() {
			return (this.row != null) ? this.row.session() : null;
		}

		public boolean openTransaction() {
			return this.row != null && this.row.session().hasOpenTransaction();
		}

		public boolean runsSql() {
			return this.row != null && this.row.session().hasSql();
		}

		/** The SQL as the form carries it back (see {@link CloseForm}). */
		public String seenSql() {
			return (this.row != null) ? CloseForm.encode(this.row.session().sql()) : "";
		}

	}

}
