package com.obconsole.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan of a running statement on OceanBase and seekdb (reference section 9.7). First
 * {@code DBMS_XPLAN.DISPLAY_ACTIVE_SESSION_PLAN}: the running plan with its real rows and times so
 * far, found only on the observer that holds the session (the caller runs this there). Where the
 * function is missing (seekdb 1.4 answers error 1054 "Unknown column ''"), learned once per target:
 * the session's {@code plan_id} from {@code __all_virtual_processlist} and that plan from the plan
 * cache, with every key the plan cache view has, so that it never walks every cached plan.
 */
final class OceanBasePlans {

	static final String ACTIVE_SQL = "SELECT DBMS_XPLAN.DISPLAY_ACTIVE_SESSION_PLAN(:id)";

	static final String ACTIVE_FUNCTION = "DBMS_XPLAN.DISPLAY_ACTIVE_SESSION_PLAN";

	static final String PROCESSLIST = "oceanbase.__all_virtual_processlist";

	/**
	 * The plan cache's explain views, best first: OceanBase 4.x keys GV$ by tenant, server and plan;
	 * seekdb 1.3 has GV$ with PLAN_ID alone (one server, the tenant's own); seekdb 1.4 only the
	 * virtual table.
	 */
	static final List<String> EXPLAIN_VIEWS = List.of("oceanbase.GV$OB_PLAN_CACHE_PLAN_EXPLAIN",
			"oceanbase.V$OB_PLAN_CACHE_PLAN_EXPLAIN", "oceanbase.__all_virtual_plan_cache_plan_explain");

	static final List<String> CACHED_COLUMNS = List.of("ID", "OPERATOR", "NAME", "EST.ROWS", "COST");

	/** Learned on first use: the function is missing here, so the plan cache is asked. */
	private volatile boolean withoutActivePlan;

	/** The plan cache source, learned on first use of the fallback. */
	private volatile Cache cache;

	/** The statement asked first, with {@code :id}; for benchmarks that compare with it. */
	String statement() {
		return this.withoutActivePlan ? null : ACTIVE_SQL;
	}

	SessionPlan read(JdbcClient jdbc, long id) {
		String idText = Long.toUnsignedString(id);
		if (!this.withoutActivePlan) {
			try {
				String text = jdbc.sql(ACTIVE_SQL).param("id", id).query(String.class).optional().orElse(null);
				if (text == null || text.isBlank()) {
					// seekdb 1.3 answers an empty text, not an error, for a session with no plan here now.
					return SessionPlan.none("plan.none.noActivePlan", idText);
				}
				return SessionPlan.of(SessionPlan.Source.ACTIVE, lines(text), null, "plan.source.xplan", ACTIVE_FUNCTION);
			}
			catch (BadSqlGrammarException ex) {
				this.withoutActivePlan = true;
			}
		}
		return cached(jdbc, id, idText);
	}

	/**
	 * seekdb 1.3 returns real line breaks over JDBC (its CLI shows them as \n); should a version
	 * return the two characters instead, the text is still drawn in lines.
	 */
	static String lines(String text) {
		return (text.indexOf('\n') < 0 && text.contains("\\n")) ? text.replace("\\n", "\n") : text;
	}

	private SessionPlan cached(JdbcClient jdbc, long id, String idText) {
		Cache source = this.cache;
		if (source == null) {
			source = Cache.discover(jdbc);
			this.cache = source;
		}
		if (source.explainSql() == null) {
			return SessionPlan.none("plan.unavailable.noPlanSource", String.join(", ", EXPLAIN_VIEWS));
		}
		List<Map<String, Object>> found = jdbc.sql(source.processlistSql()).param("id", id).query().listOfRows();
		if (found.isEmpty()) {
			return SessionPlan.none("plan.none.ended", idText);
		}
		Map<String, Object> session = found.get(0);
		Object planId = session.get("PLAN_ID");
		if (planId == null || "0".equals(planId.toString())) {
			return SessionPlan.none("plan.none.noActivePlan", idText);
		}
		var explain = jdbc.sql(source.explainSql()).param("plan", planId);
		for (Map.Entry<String, String> key : source.keys().entrySet()) {
			explain = explain.param(key.getKey(), session.get(key.getValue()));
		}
		List<Map<String, String>> rows = explain.query((rs, n) -> {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("ID", rs.getString(1));
			row.put("OPERATOR", rs.getString(2));
			row.put("NAME", rs.getString(3));
			row.put("EST.ROWS", rs.getString(4));
			row.put("COST", rs.getString(5));
			return row;
		}).list();
		if (rows.isEmpty()) {
			return SessionPlan.none("plan.none.notCached", idText, planId.toString());
		}
		return SessionPlan.of(SessionPlan.Source.CACHED, PlanTable.render(CACHED_COLUMNS, rows), rows,
				"plan.source.cached", planId.toString(), source.view());
	}

	/**
	 * The plan cache view and how to ask it for one plan.
	 * @param keys named parameter → processlist column, for each key column of the view beside PLAN_ID
	 */
	private record Cache(String view, String processlistSql, String explainSql, Map<String, String> keys) {

		static Cache discover(JdbcClient jdbc) {
			ProcesslistColumns processlist;
			try {
				processlist = ProcesslistColumns.of(jdbc, PROCESSLIST);
			}
			catch (DataAccessException ex) {
				return new Cache(null, null, null, Map.of());
			}
			if (!processlist.has("PLAN_ID")) {
				return new Cache(null, null, null, Map.of());
			}
			for (String view : EXPLAIN_VIEWS) {
				ProcesslistColumns columns;
				try {
					columns = ProcesslistColumns.of(jdbc, view);
				}
				catch (DataAccessException ex) {
					continue;
				}
				Map<String, String> keys = new LinkedHashMap<>();
				List<String> conditions = new ArrayList<>(List.of("PLAN_ID = :plan"));
				boolean complete = true;
				for (String[] key : new String[][] { { "TENANT_ID", "tenant", "TENANT_ID", "EFFECTIVE_TENANT_ID" },
						{ "SVR_IP", "ip", "SVR_IP", null }, { "SVR_PORT", "port", "SVR_PORT", null } }) {
					if (!columns.has(key[0])) {
						continue;
					}
					String from = processlist.has(key[2]) ? key[2] : (key[3] != null && processlist.has(key[3])) ? key[3] : null;
					if (from == null) {
						// A key the session cannot give would walk every cached plan: not this view.
						complete = false;
						break;
					}
					keys.put(key[1], from);
					conditions.add(key[0] + " = :" + key[1]);
				}
				if (!complete) {
					continue;
				}
				List<String> select = new ArrayList<>(List.of("PLAN_ID"));
				select.addAll(keys.values());
				String processlistSql = "SELECT " + String.join(", ", select) + " FROM " + PROCESSLIST + " WHERE ID = :id";
				String explainSql = "SELECT PLAN_LINE_ID, OPERATOR, NAME, ROWS, COST FROM " + view + " WHERE "
						+ String.join(" AND ", conditions) + " ORDER BY PLAN_LINE_ID";
				return new Cache(view, processlistSql, explainSql, keys);
			}
			return new Cache(null, null, null, Map.of());
		}

	}

}
