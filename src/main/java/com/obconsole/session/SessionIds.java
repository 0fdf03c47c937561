package com.obconsole.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Session ids as they arrive in URLs, forms and JSON: the decimal number as the console writes it,
 * nothing else. No sign, space, leading zero or digit other than 0 to 9 (Java's own parsers take
 * Arabic-Indic and full-width digits), and below 2^63.
 */
public final class SessionIds {

	/** The digits of 2^63 - 1, the largest id a long holds. */
	private static final int MAX_DIGITS = 19;

	private SessionIds() {
	}

	/**
	 * Parses a session id.
	 * @throws InvalidSessionQueryException if it is not exactly such a number
	 */
	public static long parse(String parameter, String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_DIGITS || text.charAt(0) == '0'
				|| !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new InvalidSessionQueryException(parameter, "input.sessionId");
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			// 19 digits above 2^63 - 1.
			throw new InvalidSessionQueryException(parameter, "input.sessionId");
		}
	}

	/**
	 * Parses the ids of an action on several sessions, in order. An id given twice is refused, not
	 * merged: a request that names a session twice was not built by the console, and closing once
	 * what it asked twice would hide that.
	 * @throws InvalidSessionQueryException for a bad or repeated id, or a count not from 1 to {@code max}
	 */
	public static List<Long> parseAll(String parameter, List<String> texts, int max) {
		if (texts.isEmpty() || texts.size() > max) {
			throw new InvalidSessionQueryException(parameter, "input.sessionIds.count", max);
		}
		List<Long> ids = new ArrayList<>(texts.size());
		for (String text : texts) {
			long id = parse(parameter, text);
			if (ids.contains(id)) {
				throw new InvalidSessionQueryException(parameter, "input.sessionIds.repeated", text);
			}
			ids.add(id);
		}
		return ids;
	}

}
