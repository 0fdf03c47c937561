package com.obconsole.engine;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The latest deadlock of MySQL and MariaDB: the LATEST DETECTED DEADLOCK section of
 * {@code SHOW ENGINE INNODB STATUS}, which InnoDB overwrites with each new deadlock (so there is
 * never more than one) and which needs the PROCESS privilege. Its timestamp is in the server's
 * time zone. The members are read from the text where it says them; the text itself is kept whole.
 */
final class InnoDbDeadlocks {

	static final String SOURCE = "SHOW ENGINE INNODB STATUS";

	private static final String SECTION = "LATEST DETECTED DEADLOCK";

	/** The next section's heading: a line of dashes, a title in capitals, a line of dashes. */
	private static final Pattern NEXT_SECTION = Pattern.compile("\\n-{3,}\\n[A-Z][A-Z /]+\\n-{3,}\\n");

	private static final Pattern MEMBER = Pattern.compile("^\\*\\*\\* \\((\\d+)\\) TRANSACTION:$", Pattern.MULTILINE);

	private static final Pattern TRANSACTION = Pattern.compile("^TRANSACTION (\\S+?),", Pattern.MULTILINE);

	private static final Pattern THREAD = Pattern.compile("^(?:MySQL|MariaDB) thread id (\\d+),.*$", Pattern.MULTILINE);

	private static final Pattern OBJECT = Pattern.compile("index (\\S+) of table (\\S+)");

	private static final Pattern ROLLED_BACK = Pattern.compile("^\\*\\*\\* WE ROLL BACK TRANSACTION \\((\\d+)\\)",
			Pattern.MULTILINE);

	/** MySQL error 1227: the user lacks the PROCESS privilege. */
	private static final int ACCESS_DENIED = 1227;

	private InnoDbDeadlocks() {
	}

	static DeadlockHistory read(JdbcClient jdbc, Instant since, Instant until, int offset, int limit) {
		String status;
		try {
			status = jdbc.sql(SOURCE).query((rs, n) -> rs.getString("Status")).optional().orElse("");
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getErrorCode() == ACCESS_DENIED) {
				return DeadlockHistory.unavailable("deadlocks.unavailable.innodb", SOURCE);
			}
			throw ex;
		}
		String section = section(status);
		if (section == null) {
			// No deadlock since the server started.
			return new DeadlockHistory(List.of(), 0, null, SOURCE, true);
		}
		Deadlock latest = parse(section, serverOffset(jdbc));
		Instant time = latest.time();
		// Without a readable time the one deadlock is shown whatever the window: hiding it would lie.
		boolean inWindow = time == null || (!time.isBefore(since) && time.isBefore(until));
		if (!inWindow) {
			return new DeadlockHistory(List.of(), 0, null, SOURCE, true);
		}
		List<Deadlock> page = (offset == 0 && limit > 0) ? List.of(latest) : List.of();
		return new DeadlockHistory(page, 1, null, SOURCE, true);
	}

	/** The section's body (from its timestamp line), or {@code null} if the server has had no deadlock. */
	static String section(String status) {
		int heading = status.indexOf("\n" + SECTION + "\n");
		if (heading < 0) {
			return null;
		}
		int start = status.indexOf('\n', status.indexOf('\n', heading + 1) + 1);
		if (start < 0) {
			return null;
		}
		start++;
		Matcher next = NEXT_SECTION.matcher(status);
		int end = next.find(start) ? next.start() : status.length();
		String body = status.substring(start, end).strip();
		return body.isEmpty() ? null : body;
	}

	/** The deadlock a section tells of. */
	static Deadlock parse(String section, ZoneOffset serverZone) {
		Matcher rolledBack = ROLLED_BACK.matcher(section);
		String victim = rolledBack.find() ? rolledBack.group(1) : null;
		int tail = (victim != null) ? rolledBack.start() : section.length();
		List<DeadlockMember> members = new ArrayList<>();
		Matcher member = MEMBER.matcher(section);
		List<int[]> starts = new ArrayList<>();
		List<String> numbers = new ArrayList<>();
		while (member.find()) {
			starts.add(new int[] { member.start(), member.end() });
			numbers.add(member.group(1));
		}
		for (int i = 0; i < starts.size(); i++) {
			int end = (i + 1 < starts.size()) ? starts.get(i + 1)[0] : tail;
			members.add(member(section.substring(starts.get(i)[1], Math.max(end, starts.get(i)[1])),
					numbers.get(i).equals(victim)));
		}
		return new Deadlock(null, time(section, serverZone), members, section);
	}

	private static DeadlockMember member(String block, boolean rolledBack) {
		Matcher transaction = TRANSACTION.matcher(block);
		Matcher thread = THREAD.matcher(block);
		Long sessionId = null;
		String sql = null;
		if (thread.find()) {
			sessionId = Long.parseLong(thread.group(1));
			// The statement follows the thread line, up to the next "***" line.
			int next = block.indexOf("\n***", thread.end());
			String text = block.substring(thread.end(), (next < 0) ? block.length() : next).strip();
			sql = text.isEmpty() ? null : text;
		}
		Matcher object = OBJECT.matcher(block);
		String locked = object.find() ? object.group(2).replace("`", "") + " (" + object.group(1) + ")" : null;
		return new DeadlockMember(sessionId, transaction.find() ? transaction.group(1) : null, sql, locked, rolledBack,
				null, null);
	}

	/** The first line: {@code 2026-12-04 00:50:21 0x7f2bc54b36c0}, the server's local time. */
	private static Instant time(String section, ZoneOffset serverZone) {
		if (serverZone == null || section.length() < 19) {
			return null;
		}
		try {
			return LocalDateTime.parse(section.substring(0, 19).replace(' ', 'T')).toInstant(serverZone);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The server's offset from UTC now; {@code null} if it cannot be asked. */
	private static ZoneOffset serverOffset(JdbcClient jdbc) {
		try {
			// InnoDB prints its local time, the server's system zone; NOW() is the session's, usually the same.
			Integer seconds = jdbc
				.sql("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', 'SYSTEM'))")
				.query(Integer.class)
				.optional()
				.orElse(null);
			return (seconds != null) ? ZoneOffset.ofTotalSeconds(seconds) : null;
		}
		catch (DataAccessException | java.time.DateTimeException ex) {
			return null;
		}
	}

}
