package com.obconsole.session;

import java.util.Objects;
import java.util.Optional;

import com.obconsole.engine.Session;

/**
 * Decides whether the live session is still the one the DBA saw. A wrong KILL on production is the
 * worst thing this console can do, so any difference in what was seen refuses the action.
 */
final class StaleCheck {

	private StaleCheck() {
	}

	/** Why the action must be refused, or empty if the live session is the one that was seen. */
	static Optional<String> differences(SeenSession seen, Session now) {
		long id = now.id();
		if (differs(seen.observer(), now.observer())) {
			return Optional.of("Session " + id + " now runs on " + now.observer() + ", not on " + seen.observer()
					+ " as shown: it is another session. Refresh and try again.");
		}
		if (differs(seen.user(), now.user()) || differs(seen.source(), now.source())) {
			return Optional.of("Session id " + id + " now belongs to " + now.user() + " from " + now.source()
					+ ", not " + seen.user() + " from " + seen.source() + " as shown: the id was reused. Nothing was closed.");
		}
		// A caller that sent what the session ran, or the whole row (the pages send the user), saw
		// what it ran; one that sent only an observer did not say.
		if (seen.sawSql() || SeenSession.present(seen.user())) {
			if (now.hasSql() && !sameRequest(seen, now)) {
				return Optional.of("Session " + id + " now runs other SQL than shown"
						+ " (SQL ID " + SqlIds.of(now) + ")" + ": " + abbreviate(now.sql())
						+ ". Nothing was closed; refresh and decide again.");
			}
		}
		return Optional.empty();
	}

	/**
	 * The same SQL and the same request: SQL ID, text and trace id all as seen, where seen. The SQL
	 * ID is the engine's, or on MySQL and MariaDB the console's digest of the text ({@link SqlIds}),
	 * which a close by SQL ID sends as seen.
	 */
	private static boolean sameRequest(SeenSession seen, Session now) {
		if (!seen.sawSql()) {
			// The DBA saw it idle; it runs something now.
			return false;
		}
		return !differs(seen.sqlId(), SqlIds.of(now)) && !differs(seen.sql(), now.sql())
				&& !differs(seen.traceId(), now.traceId());
	}

	/** A seen value differs only if it was seen: what the caller did not send is not compared. */
	private static boolean differs(String seen, String now) {
		return SeenSession.present(seen) && !Objects.equals(seen, now);
	}

	static String abbreviate(String sql) {
		if (sql == null) {
			return "";
		}
		String oneLine = sql.replaceAll("\\s+", " ").strip();
		return (oneLine.length() > 200) ? oneLine.substring(0, 200) + "…" : oneLine;
	}

}
