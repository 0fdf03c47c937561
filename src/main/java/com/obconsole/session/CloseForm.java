package com.obconsole.session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.obconsole.web.ActionParams;

/**
 * The confirmation form of the Tenant Session page: what to close and, per session, what the DBA
 * saw of it ({@code seen[<id>].observer}, {@code .user}, {@code .source}, {@code .sqlId},
 * {@code .traceId}, {@code .sql}). The SQL travels Base64-encoded (UTF-8): browsers rewrite line
 * breaks in submitted form values to CRLF, and the text must come back exactly as seen, or the stale
 * check would refuse every multi-line statement.
 *
 * @param kind session or query
 * @param tenant the tenant, or {@code null}
 * @param ids the sessions, in the order shown
 * @param seen what was seen of each
 */
record CloseForm(CloseKind kind, String tenant, List<Long> ids, Map<Long, SeenSession> seen) {

	/** The longest SQL text seen, Base64-encoded: a statement of 3 MiB, more than a page shows. */
	static final int MAX_SEEN_SQL = 4 * 1024 * 1024;

	/** The longest other value seen: a user, client address, observer, SQL ID or trace id. */
	static final int MAX_SEEN = 1024;

	/**
	 * Reads the posted form, exactly: see {@link ActionParams}.
	 * @param maxBatch the most sessions one close may name
	 * @throws InvalidSessionQueryException naming the bad field
	 */
	static CloseForm from(ActionParams form, int maxBatch) {
		CloseKind kind = kind(form.single("kind", ActionParams.MAX_LENGTH));
		String tenant = form.name("tenant");
		List<Long> ids = SessionIds.parseAll("ids", form.all("ids", maxBatch, ActionParams.MAX_LENGTH), maxBatch);
		Map<Long, SeenSession> seen = new LinkedHashMap<>();
		for (long id : ids) {
			String prefix = "seen[" + Long.toUnsignedString(id) + "].";
			seen.put(id, new SeenSession(form.single(prefix + "observer", MAX_SEEN),
					form.single(prefix + "user", MAX_SEEN), form.single(prefix + "source", MAX_SEEN),
					form.single(prefix + "sqlId", MAX_SEEN), form.single(prefix + "traceId", MAX_SEEN),
					decode(prefix + "sql", form.single(prefix + "sql", MAX_SEEN_SQL))));
		}
		return new CloseForm(kind, tenant, ids, seen);
	}

	/**
	 * "session" or "query", exactly.
	 * @throws InvalidSessionQueryException otherwise
	 */
	static CloseKind kind(String text) {
		// Absent matches no spelling either, and gets the same message.
		return ActionParams.choice("kind", (text != null) ? text : "", List.of(CloseKind.values()), CloseKind::param);
	}

	/** The form value that carries SQL text: Base64 of its UTF-8 bytes. */
	static String encode(String sql) {
		return (sql == null) ? "" : Base64.getEncoder().encodeToString(sql.getBytes(StandardCharsets.UTF_8));
	}

	/** The SQL seen; empty is none. Base64 as the console writes it: no spaces or line breaks. */
	static String decode(String field, String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			return null;
		}
		try {
			return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSessionQueryException(field, "input.seenSql");
		}
	}

}
