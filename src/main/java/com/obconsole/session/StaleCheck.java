package com.obconsole.session;

import java.util.Objects;
import java.util.Optional;

import com.obconsole.engine.Session;
import com.obconsole.web.Sentence;

/**
 * Decides whether the live session is still the one the DBA saw. A wrong KILL on production is the
 * worst thing this console can do, so any difference in what was seen refuses the action.
 */
final class StaleCheck {

	private StaleCheck() {
	}

	/** Why the action must be refused, or empty if the live session is the one that was seen. */
	static Optional<Sentence> differences(SeenSession seen, Session now) {
		String id = Long.toUnsignedString(now.id());
		if (differs(seen.observer(), now.observer())) {
			return Optional.of(Sentence.of(CloseMessages.STALE_OBSERVER, id, now.observer(), seen.observer()));
		}
		if (differs(seen.user(), now.user()) || differs(seen.source(), now.source())) {
			return Optional.of(Sentence.of(CloseMessages.STALE_REUSED, id, now.user(), now.source(), seen.user(),
					seen.source()));
		}
		// A caller that sent what the session ran, or the whole row (the pages send the user), saw
		// what it ran; one that sent only an observer did not say.
		if (seen.sawSql() || SeenSession.present(seen.user())) {
			if (now.hasSql() && !sameRequest(seen, now)) {
				return Optional.of(Sentence.of(CloseMessages.STALE_SQL, id, SqlIds.of(now), abbreviate(now.sql())));
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
