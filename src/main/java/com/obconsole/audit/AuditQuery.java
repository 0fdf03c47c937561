package com.obconsole.audit;

import java.time.Instant;

/**
 * Which audit records to find. Every criterion is optional (null matches all).
 *
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 * @param actor exactly this username
 * @param target exactly this target
 * @param action this action
 * @param outcome this outcome
 * @param page page number, from 0
 * @param size records per page, 1 to {@link #MAX_SIZE}
 */
public record AuditQuery(Instant from, Instant to, String actor, String target, AuditAction action, String outcome,
		int page, int size) {

	/** The largest page; an export reads page after page. */
	public static final int MAX_SIZE = 500;

	public AuditQuery {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more, not " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", not " + size);
		}
	}

	/** Everything, newest first. */
	public static AuditQuery all(int page, int size) {
		return new AuditQuery(null, null, null, null, null, null, page, size);
	}

	AuditQuery withPage(int page) {
		return new AuditQuery(this.from, this.to, this.actor, this.target, this.action, this.outcome, page, this.size);
	}

	AuditQuery withSize(int size) {
		return new AuditQuery(this.from, this.to, this.actor, this.target, this.action, this.outcome, 0, size);
	}

	AuditQuery withTo(Instant to) {
		return new AuditQuery(this.from, to, this.actor, this.target, this.action, this.outcome, this.page, this.size);
	}

}
