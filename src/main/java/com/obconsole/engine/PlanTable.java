package com.obconsole.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tabular plan (EXPLAIN's rows) drawn as the mysql client draws it, so that a DBA reads the same
 * aligned text in the dialog, the API and a terminal.
 */
final class PlanTable {

	private PlanTable() {
	}

	/** Rows of column → value, in column order; {@code null} values read NULL. */
	static String render(List<String> columns, List<Map<String, String>> rows) {
		int[] widths = new int[columns.size()];
		for (int c = 0; c < widths.length; c++) {
			widths[c] = columns.get(c).length();
			for (Map<String, String> row : rows) {
				widths[c] = Math.max(widths[c], cell(row.get(columns.get(c))).length());
			}
		}
		StringBuilder text = new StringBuilder();
		String rule = rule(widths);
		text.append(rule);
		line(text, columns, widths);
		text.append(rule);
		for (Map<String, String> row : rows) {
			List<String> cells = new ArrayList<>(columns.size());
			for (String column : columns) {
				cells.add(cell(row.get(column)));
			}
			line(text, cells, widths);
		}
		text.append(rule);
		return text.toString();
	}

	/** One row of a result, keyed by its column labels in order. */
	static Map<String, String> row(java.sql.ResultSet rs, List<String> columns) throws java.sql.SQLException {
		Map<String, String> row = new LinkedHashMap<>();
		for (int c = 0; c < columns.size(); c++) {
			row.put(columns.get(c), rs.getString(c + 1));
		}
		return row;
	}

	static List<String> columns(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.ResultSetMetaData meta = rs.getMetaData();
		List<String> columns = new ArrayList<>(meta.getColumnCount());
		for (int c = 1; c <= meta.getColumnCount(); c++) {
			columns.add(meta.getColumnLabel(c));
		}
		return columns;
	}

	private static String cell(String value) {
		// A value never breaks the table's lines.
		return (value == null) ? "NULL" : value.replace('\n', ' ').replace('\r', ' ');
	}

	private static String rule(int[] widths) {
		StringBuilder rule = new StringBuilder("+");
		for (int width : widths) {
			rule.append("-".repeat(width + 2)).append('+');
		}
		return rule.append('\n').toString();
	}

	private static void line(StringBuilder text, List<String> cells, int[] widths) {
		text.append('|');
		for (int c = 0; c < widths.length; c++) {
			String cell = cells.get(c);
			text.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length())).append(" |");
		}
		text.append('\n');
	}

}
