package com.obconsole.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.obconsole.engine.Session;

/**
 * The SQL ID the console groups and filters by. OceanBase gives one (SQL_ID: the MD5 of the
 * parameterized statement); MySQL and MariaDB give none in their processlist, so the console makes
 * one the same way from the statement text, {@link #normalize normalized}: comments dropped, string
 * and number literals made {@code ?}, a list of them ({@code IN (1, 2, 3)}) one {@code ?}, runs of
 * white space one space. Case is kept: table names may differ by case alone.
 */
public final class SqlIds {

	private SqlIds() {
	}

	/** The session's SQL ID: the engine's, else the digest of its text; {@code null} when it runs no SQL. */
	public static String of(Session session) {
		if (session.sqlId() != null && !session.sqlId().isEmpty()) {
			return session.sqlId();
		}
		return session.hasSql() ? digest(session.sql()) : null;
	}

	/** Whether the id came from the engine, not from the console's digest of the text. */
	public static boolean fromEngine(Session session) {
		return session.sqlId() != null && !session.sqlId().isEmpty();
	}

	/** MD5 of the normalized text, 32 upper-case hex digits: OceanBase's SQL_ID looks the same. */
	static String digest(String sql) {
		try {
			byte[] md5 = MessageDigest.getInstance("MD5").digest(normalize(sql).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(md5).toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has MD5", ex);
		}
	}

	/** The statement with its literals, comments and spacing taken out: what one SQL ID stands for. */
	static String normalize(String sql) {
		StringBuilder out = new StringBuilder(sql.length());
		int n = sql.length();
		int i = 0;
		while (i < n) {
			char c = sql.charAt(i);
			if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
				space(out);
			}
			else if ((c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && Character.isWhitespace(sql.charAt(i + 2)))
					|| c == '#') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
				space(out);
			}
			else if (c == '\'' || c == '"') {
				i = skipQuoted(sql, i, c);
				literal(out);
			}
			else if (c == '`') {
				int end = sql.indexOf('`', i + 1);
				int stop = (end < 0) ? n : end + 1;
				out.append(sql, i, stop);
				i = stop;
			}
			else if (Character.isDigit(c) && !partOfWord(out)) {
				i = skipNumber(sql, i);
				literal(out);
			}
			else if (Character.isWhitespace(c)) {
				space(out);
				i++;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString().strip();
	}

	/** A literal becomes "?"; one right after "?," or "?, " joins it, so a list of any length reads "?". */
	private static void literal(StringBuilder out) {
		int end = out.length();
		int j = end;
		while (j > 0 && out.charAt(j - 1) == ' ') {
			j--;
		}
		if (j > 0 && out.charAt(j - 1) == ',') {
			int k = j - 1;
			while (k > 0 && out.charAt(k - 1) == ' ') {
				k--;
			}
			if (k > 0 && out.charAt(k - 1) == '?') {
				out.setLength(k);
				return;
			}
		}
		out.append('?');
	}

	private static void space(StringBuilder out) {
		if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
			out.append(' ');
		}
	}

	/** A digit inside a name (t1, col_2) is part of it, not a number. */
	private static boolean partOfWord(StringBuilder out) {
		if (out.length() == 0) {
			return false;
		}
		char before = out.charAt(out.length() - 1);
		return Character.isLetterOrDigit(before) || before == '_' || before == '$';
	}

	private static int skipQuoted(String sql, int start, char quote) {
		int i = start + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

	/** 42, 4.2, 4e2, 0x2A, 0b101. */
	private static int skipNumber(String sql, int start) {
		int i = start;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			boolean exponentSign = (c == '+' || c == '-') && i > start
					&& (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E') && !isHex(sql, start);
			if (Character.isLetterOrDigit(c) || c == '.' || exponentSign) {
				i++;
			}
			else {
				break;
			}
		}
		return i;
	}

	private static boolean isHex(String sql, int start) {
		return start + 1 < sql.length() && sql.charAt(start) == '0'
				&& (sql.charAt(start + 1) == 'x' || sql.charAt(start + 1) == 'X');
	}

}
