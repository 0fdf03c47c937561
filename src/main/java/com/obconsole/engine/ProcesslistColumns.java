package com.obconsole.engine;

import java.sql.ResultSetMetaData;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The columns a processlist view has on one target, learned once from the view's metadata, so that
 * the console selects named columns and tolerates those a version lacks.
 */
final class ProcesslistColumns {

	private final Set<String> present;

	private ProcesslistColumns(Set<String> present) {
		this.present = present;
	}

	/**
	 * Reads the view's columns. The view name is one of the dialects' constants, never user input.
	 */
	static ProcesslistColumns of(JdbcClient jdbc, String view) {
		Set<String> columns = jdbc.sql("SELECT * FROM " + view + " WHERE 1 = 0").query((rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			Set<String> names = new LinkedHashSet<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				names.add(meta.getColumnLabel(i).toUpperCase(Locale.ROOT));
			}
			return names;
		});
		return new ProcesslistColumns(columns);
	}

	boolean has(String column) {
		return this.present.contains(column);
	}

	/** The wanted columns this view has, as a select list, with the given table alias. */
	String selectList(List<String> wanted, String alias) {
		return wanted.stream()
			.filter(this::has)
			.map((column) -> alias + "." + column)
			.collect(Collectors.joining(", "));
	}

	/**
	 * Where each wanted column this view has stands in {@link #selectList}: 1-based positions, so
	 * that rows are read by index (by name, the driver looks each label up again for every row).
	 */
	Map<String, Integer> positions(List<String> wanted) {
		Map<String, Integer> positions = new HashMap<>();
		for (String column : wanted) {
			if (has(column)) {
				positions.put(column, positions.size() + 1);
			}
		}
		return Map.copyOf(positions);
	}

}
