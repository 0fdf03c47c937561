package com.obconsole.engine;

import java.util.List;
import java.util.Map;

/**
 * The plan of the statement a session runs, as the engine gave it, or why there is none.
 *
 * @param source where the plan came from: the running statement's own ({@code ACTIVE}), the plan
 *        cache's ({@code CACHED}), or none
 * @param text the plan as text; tabular plans drawn as an aligned table; {@code null} without a plan
 * @param rows a tabular plan's rows, column → value in the engine's order; {@code null} where the
 *        engine gives text (OceanBase's DBMS_XPLAN) or there is no plan
 * @param code a message code: what the plan is (a {@code plan.source.*}), or why there is none
 * @param arguments the message's arguments, as text (ids are unsigned 64-bit numbers)
 */
public record SessionPlan(Source source, String text, List<Map<String, String>> rows, String code,
		List<String> arguments) {

	public enum Source {

		ACTIVE, CACHED, NONE

	}

	public SessionPlan {
		rows = (rows != null) ? List.copyOf(rows) : null;
		arguments = List.copyOf(arguments);
	}

	static SessionPlan of(Source source, String text, List<Map<String, String>> rows, String code,
			String... arguments) {
		return new SessionPlan(source, text, rows, code, List.of(arguments));
	}

	/** No plan, for the reason the code says. */
	public static SessionPlan none(String code, String... arguments) {
		return new SessionPlan(Source.NONE, null, null, code, List.of(arguments));
	}

	public boolean hasPlan() {
		return this.source != Source.NONE;
	}

}
