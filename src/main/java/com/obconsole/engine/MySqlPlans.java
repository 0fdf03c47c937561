package com.obconsole.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan of a running statement on MariaDB ({@code SHOW ANALYZE FOR}, 10.9+, with the run's
 * figures so far; {@code SHOW EXPLAIN FOR} before) and MySQL 8 ({@code EXPLAIN FOR CONNECTION}),
 * reference section 9.10. None takes a bind parameter: the id goes in as the number it was parsed to.
 */
final class MySqlPlans {

	/** ER_TARGET_NOT_EXPLAINABLE (MariaDB): the session runs nothing with a query plan now. */
	static final int NOT_EXPLAINABLE = 1933;

	/** ER_NO_SUCH_THREAD: the session has ended. */
	static final int UNKNOWN_THREAD = 1094;

	/** ER_EXPLAIN_NOT_SUPPORTED (MySQL): EXPLAIN FOR CONNECTION explains SELECT, DELETE, INSERT, REPLACE, UPDATE only. */
	static final int NOT_SUPPORTED_STATEMENT = 3012;

	/** ER_PARSE_ERROR: a MariaDB before 10.9, which has no SHOW ANALYZE. */
	static final int PARSE_ERROR = 1064;

	private final boolean mariadb;

	/** Learned on first use: this MariaDB has only SHOW EXPLAIN. */
	private volatile boolean withoutAnalyze;

	MySqlPlans(boolean mariadb) {
		this.mariadb = mariadb;
	}

	/** The statement asked for session {@code id}'s plan; for benchmarks that compare with it. */
	String statement(long id) {
		String number = Long.toUnsignedString(id);
		if (!this.mariadb) {
			return "EXPLAIN FOR CONNECTION " + number;
		}
		return (this.withoutAnalyze ? "SHOW EXPLAIN FOR " : "SHOW ANALYZE FOR ") + number;
	}

	SessionPlan read(JdbcClient jdbc, long id) {
		String statement = statement(id);
		List<String> columns = new ArrayList<>();
		List<Map<String, String>> rows;
		try {
			rows = jdbc.sql(statement).query((rs, n) -> {
				if (columns.isEmpty()) {
					columns.addAll(PlanTable.columns(rs));
				}
				return PlanTable.row(rs, columns);
			}).list();
		}
		catch (DataAccessException ex) {
			SQLException sql = sqlException(ex);
			int code = (sql != null) ? sql.getErrorCode() : 0;
			String idText = Long.toUnsignedString(id);
			if (code == PARSE_ERROR && this.mariadb && !this.withoutAnalyze) {
				this.withoutAnalyze = true;
				return read(jdbc, id);
			}
			if (code == NOT_EXPLAINABLE || code == NOT_SUPPORTED_STATEMENT) {
				return SessionPlan.none("plan.none.notExplainable", idText, String.valueOf(code), sql.getMessage());
			}
			if (code == UNKNOWN_THREAD) {
				return SessionPlan.none("plan.none.ended", idText);
			}
			throw ex;
		}
		if (rows.isEmpty()) {
			// MySQL answers with no rows when the connection runs nothing.
			return SessionPlan.none("plan.none.idle", Long.toUnsignedString(id));
		}
		String kind = statement.startsWith("SHOW ANALYZE") ? "plan.source.analyze" : "plan.source.explain";
		return SessionPlan.of(SessionPlan.Source.ACTIVE, PlanTable.render(columns, rows), rows, kind, statement);
	}

	static SQLException sqlException(Throwable ex) {
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

}
