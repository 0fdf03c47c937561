package com.obconsole.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import java.util.Map;

import com.obconsole.engine.LockWait;
import com.obconsole.engine.LockWaits;
import com.obconsole.engine.Session;

/**
 * One session as a row of the Tenant Session page: its values formatted and its marks decided.
 *
 * @param session the session
 * @param longRunning ACTIVE for longer than the long-running threshold
 * @param console one of the console's own connections: marked, and offered no close
 * @param blocking how many sessions wait for its locks, directly or through another, at the snapshot
 * @param waitingFor the session whose lock it waits for at the snapshot, or {@code null}
 */
record SessionRow(Session session, boolean longRunning, boolean console, int blocking, String waitingFor) {

	/** The SQL column shows a one-line abbreviation; the full text is one click away. */
	static final int SQL_PREVIEW_LENGTH = 200;

	static SessionRow of(Session session, Duration longRunningThreshold, boolean console) {
		BigDecimal threshold = BigDecimal.valueOf(longRunningThreshold.toMillis()).movePointLeft(3);
		boolean longRunning = session.isActive() && session.executionTimeSeconds() != null
				&& session.executionTimeSeconds().compareTo(threshold) > 0;
		return new SessionRow(session, longRunning, console, 0, null);
	}

	/** The row with its lock marks, from the lock waits read with the same snapshot. */
	SessionRow withLocks(LockWaits locks, Map<Long, LockWait> waitsByWaiter) {
		long id = this.session.id();
		LockWait wait = waitsByWaiter.get(id);
		String holder = (wait != null && wait.holderId() != null) ? Long.toUnsignedString(wait.holderId()) : null;
		int blocked = locks.allWaitersOf(id).size();
		return new SessionRow(this.session, this.longRunning, this.console, blocked, holder);
	}

	/** The id as the engine shows it: ids are unsigned. */
	public String id() {
		return Long.toUnsignedString(this.session.id());
	}

	/** Sleeping while holding an open transaction: closing it rolls back, its locks may block others. */
	public boolean openTransaction() {
		return this.session.isIdleInTransaction();
	}

	/** The Bootstrap row style for the marks; long-running wins. */
	public String rowClass() {
		if (this.longRunning) {
			return "table-danger";
		}
		return openTransaction() ? "table-warning" : "";
	}

	/** The SQL on one line, cut short: the page carries the full text only in the View SQL dialog. */
	public String sqlPreview() {
		if (!this.session.hasSql()) {
			return "";
		}
		String oneLine = this.session.sql().replaceAll("\\s+", " ").strip();
		return (oneLine.length() > SQL_PREVIEW_LENGTH) ? oneLine.substring(0, SQL_PREVIEW_LENGTH) + "…" : oneLine;
	}

	public String executionTime() {
		return seconds(this.session.executionTimeSeconds());
	}

	/**
	 * "L2 50% ALL" for a session traced by a setting of its own, else {@code null}: the tenant's
	 * setting, which every session shows, is no mark of one session.
	 */
	public String trace() {
		if (!this.session.trace().isEnabled() || this.session.trace().tenantWide()) {
			return null;
		}
		StringBuilder text = new StringBuilder("L").append(this.session.trace().level());
		if (this.session.trace().samplePercentage() >= 0) {
			text.append(' ').append(this.session.trace().samplePercentage()).append('%');
		}
		if (this.session.trace().recordPolicy() != null) {
			text.append(' ').append(this.session.trace().recordPolicy());
		}
		return text.toString();
	}

	/** Seconds as a DBA reads them: whole seconds as they are, fractions to one decimal. */
	static String seconds(BigDecimal seconds) {
		if (seconds == null) {
			return "";
		}
		BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
		if (seconds.compareTo(whole) == 0) {
			return whole.toPlainString();
		}
		return seconds.setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

}
