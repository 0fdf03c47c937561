package com.obconsole.session;

import com.obconsole.audit.AuditAction;

/** What a DBA closes: the whole session (KILL) or only its current query (KILL QUERY). */
public enum CloseKind {

	SESSION(AuditAction.CLOSE_SESSION), QUERY(AuditAction.CLOSE_QUERY);

	private final AuditAction auditAction;

	CloseKind(AuditAction auditAction) {
		this.auditAction = auditAction;
	}

	AuditAction auditAction() {
		return this.auditAction;
	}

}
