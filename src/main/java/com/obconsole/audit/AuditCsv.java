package com.obconsole.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Writes audit records as CSV (RFC 4180, with a header row). A cell that a spreadsheet would take
 * for a formula (starting with = + - @, tab or carriage return) is prefixed with a single quote, so
 * that SQL text or a username cannot run as a formula when a DBA opens the export. The header row is
 * in the reader's language (English without an Accept-Language, so a script's columns keep their
 * names); the message is the English one stored, and message_code (last, so that no script's column
 * moves) says it in any language.
 */
final class AuditCsv {

	static final List<String> HEADER = List.of("time", "actor", "target", "tenant", "session_id", "observer",
			"session_user", "source", "database", "sql_id", "action", "route", "outcome", "message", "detail",
			"sql_text", "message_code");

	private AuditCsv() {
	}

	/** The header row: each column's name in the reader's language ({@code audit.csv.<column>}). */
	static void header(Writer out, MessageSource messages, Locale locale) throws IOException {
		line(out, HEADER.stream().map((column) -> messages.getMessage("audit.csv." + column, null, locale)).toList());
	}

	static void row(Writer out, AuditRecord r) throws IOException {
		line(out, Arrays.asList(r.time().toString(), r.actor(), r.target(), r.tenant(), r.sessionId(),
				r.observer(), r.sessionUser(), r.source(), r.database(), r.sqlId(), r.action().name(), r.route(),
				r.outcome(), r.message(), r.detail(), r.sqlText(), r.messageCode()));
	}

	private static void line(Writer out, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(cell(cells.get(i)));
		}
		out.write("\r\n");
	}

	/** One cell: formula-guarded, and quoted when it holds a comma, quote or line break. */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = startsLikeFormula(value) ? "'" + value : value;
		if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
			return safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

	private static boolean startsLikeFormula(String value) {
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
