package com.obconsole.audit;

import java.time.Instant;

/** One audited action on a session. */
public record AuditRecord(Instant time, String actor, String target, String tenant, String sessionId,
		String observer, String sessionUser, String source, String database, String sqlId, String sqlText,
		AuditAction action, String route, String outcome, String message, String detail) {
}
