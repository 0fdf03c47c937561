package com.obconsole.session;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import com.obconsole.engine.Session;

/** The columns the list sorts by, named as in the URL ({@code sort=time}). */
public enum SortKey {

	ID("id", Comparator.comparingLong(Session::id)), SQL("sql", text(Session::sql)),
	SQL_ID("sqlId", text(Session::sqlId)), USER("user", text(Session::user)), SOURCE("source", text(Session::source)),
	DATABASE("database", text(Session::database)), COMMAND("command", text(Session::command)),
	TIME("time", Comparator.comparing(Session::executionTimeSeconds, Comparator.nullsFirst(BigDecimal::compareTo))),
	STATUS("status", text(Session::status)), OBSERVER("observer", text(Session::observer)),
	PROXY("proxy", text(Session::proxy));

	private final String param;

	private final Comparator<Session> order;

	SortKey(String param, Comparator<Session> order) {
		this.param = param;
		this.order = order;
	}

	public String param() {
		return this.param;
	}

	/** Ascending order, ties broken by session id so that paging is stable. */
	Comparator<Session> ascending() {
		return this.order.thenComparingLong(Session::id);
	}

	static SortKey fromParam(String param) {
		for (SortKey key : values()) {
			if (key.param.equalsIgnoreCase(param)) {
				return key;
			}
		}
		throw new InvalidSessionQueryException("sort", "list.sort", param);
	}

	private static Comparator<Session> text(Function<Session, String> column) {
		return Comparator.comparing(column, Comparator.nullsFirst(
				Comparator.<String, String>comparing((s) -> s.toLowerCase(Locale.ROOT)).thenComparing((s) -> s)));
	}

}
