package com.obconsole.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.util.MultiValueMap;

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

	/**
	 * Reads the posted form.
	 * @throws InvalidSessionQueryException naming the bad field
	 */
	static CloseForm from(MultiValueMap<String, String> form) {
		CloseKind kind = kind(form.getFirst("kind"));
		String tenant = form.getFirst("tenant");
		List<Long> ids = new ArrayList<>();
		for (String id : form.getOrDefault("ids", List.of())) {
			long parsed = SessionIds.parse("ids", id.trim());
			if (!ids.contains(parsed)) {
				ids.add(parsed);
			}
		}
		if (ids.isEmpty() || ids.size() > SessionService.MAX_BATCH) {
			throw new InvalidSessionQueryException("ids",
					"choose 1 to " + SessionService.MAX_BATCH + " sessions to close");
		}
		Map<Long, SeenSession> seen = new LinkedHashMap<>();
		for (long id : ids) {
			String prefix = "seen[" + Long.toUnsignedString(id) + "].";
			seen.put(id, new SeenSession(form.getFirst(prefix + "observer"), form.getFirst(prefix + "user"),
					form.getFirst(prefix + "source"), form.getFirst(prefix + "sqlId"),
					form.getFirst(prefix + "traceId"), decode(form.getFirst(prefix + "sql"))));
		}
		return new CloseForm(kind, SessionViewParams.blank(tenant) ? null : tenant.trim(), ids, seen);
	}

	/**
	 * "session" or "query".
	 * @throws InvalidSessionQueryException otherwise
	 */
	static CloseKind kind(String text) {
		if (text != null) {
			switch (text.trim().toLowerCase(Locale.ROOT)) {
				case "session":
					return CloseKind.SESSION;
				case "query":
					return CloseKind.QUERY;
				default:
					break;
			}
		}
		throw new InvalidSessionQueryException("kind", "use session (close the session) or query (close its current query)");
	}

	/** The form value that carries SQL text: Base64 of its UTF-8 bytes. */
	static String encode(String sql) {
		return (sql == null) ? "" : Base64.getEncoder().encodeToString(sql.getBytes(StandardCharsets.UTF_8));
	}

	static String decode(String encoded) {
		if (encoded == null || encoded.isBlank()) {
			return null;
		}
		try {
			return new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSessionQueryException("seen.sql", "the SQL seen must be Base64-encoded UTF-8");
		}
	}

}
