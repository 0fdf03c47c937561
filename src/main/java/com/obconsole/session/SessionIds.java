package com.obconsole.session;

/** Session ids as they arrive in URLs and forms: unsigned decimal numbers, nothing else. */
public final class SessionIds {

	private SessionIds() {
	}

	/**
	 * Parses a session id.
	 * @throws InvalidSessionQueryException if it is not an unsigned decimal number below 2^63
	 */
	public static long parse(String parameter, String text) {
		if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new InvalidSessionQueryException(parameter, "a session id is a whole number such as 3221487622");
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidSessionQueryException(parameter, "a session id is a whole number such as 3221487622");
		}
	}

}
