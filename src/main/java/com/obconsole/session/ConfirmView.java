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
 */
public record ConfirmView(CloseKind kind, String tenant, List<Item> items, SessionLinks links) {

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
