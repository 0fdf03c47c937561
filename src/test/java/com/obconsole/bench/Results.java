package com.obconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures: one row per measurement, appended to a CSV as it is made (so a run
 * that is stopped keeps what it measured) and printed as a table at the end.
 */
final class Results {

	static final String HEADER = "engine,N,metric,median_ms,p95_ms,ratio,value,goal,met,note";

	/**
	 * One measurement.
	 * @param engine the engine ("seekdb 1.3.0.0", "MariaDB 11.4.5")
	 * @param n the sessions the load held
	 * @param metric what was measured
	 * @param stats timings, or {@link Stats#NONE}
	 * @param ratio console / raw of the medians, or reads per refresh window; NaN if none
	 * @param value a figure that is not a timing (MiB, sessions, reads); NaN if none
	 * @param goal the goal in words, or ""
	 * @param met "yes", "no", or "" where there is no goal
	 * @param note what else a reader needs
	 */
	record Row(String engine, int n, String metric, Stats stats, double ratio, double value, String goal, String met,
			String note) {
	}

	private final Path csv;

	private final List<Row> rows = new ArrayList<>();

	Results(Path csv) {
		this.csv = csv;
		try {
			Files.createDirectories(csv.getParent());
			Files.writeString(csv, HEADER + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path csv() {
		return this.csv;
	}

	synchronized void add(Row row) {
		this.rows.add(row);
		String line = String.join(",", quote(row.engine()), String.valueOf(row.n()), quote(row.metric()),
				number(row.stats().median()), number(row.stats().p95()), number(row.ratio()), number(row.value()),
				quote(row.goal()), row.met(), quote(row.note()));
		try {
			Files.writeString(this.csv, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("  " + format(row));
	}

	static String met(boolean met) {
		return met ? "yes" : "no";
	}

	/** The whole table, for stdout and the README. */
	synchronized String table() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "| %-16s | %5s | %-26s | %9s | %9s | %6s | %8s | %-22s | %-3s |%n",
				"engine", "N", "metric", "median ms", "p95 ms", "ratio", "value", "goal", "met"));
		out.append("|").append("-".repeat(18)).append("|").append("-".repeat(7)).append("|")
			.append("-".repeat(28)).append("|").append("-".repeat(11)).append("|").append("-".repeat(11))
			.append("|").append("-".repeat(8)).append("|").append("-".repeat(10)).append("|")
			.append("-".repeat(24)).append("|").append("-".repeat(5)).append("|\n");
		for (Row row : this.rows) {
			out.append(String.format(Locale.ROOT, "| %-16s | %5d | %-26s | %9s | %9s | %6s | %8s | %-22s | %-3s |%n",
					row.engine(), row.n(), row.metric(), number(row.stats().median()), number(row.stats().p95()),
					number(row.ratio()), number(row.value()), row.goal(), row.met()));
		}
		return out.toString();
	}

	/** The notes that go with the table. */
	synchronized String notes() {
		StringBuilder out = new StringBuilder();
		for (Row row : this.rows) {
			if (!row.note().isEmpty()) {
				out.append("- ").append(row.engine()).append(", N=").append(row.n()).append(", ").append(row.metric())
					.append(": ").append(row.note()).append('\n');
			}
		}
		return out.toString();
	}

	private static String format(Row row) {
		return String.format(Locale.ROOT, "%s N=%d %s: median %s ms, p95 %s ms, ratio %s, value %s, goal %s %s%s",
				row.engine(), row.n(), row.metric(), number(row.stats().median()), number(row.stats().p95()),
				number(row.ratio()), number(row.value()), row.goal(), row.met(),
				row.note().isEmpty() ? "" : " (" + row.note() + ")");
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		if (value >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String quote(String text) {
		if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
			return "\"" + text.replace("\"", "\"\"").replace('\n', ' ') + "\"";
		}
		return text;
	}

}
