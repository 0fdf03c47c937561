package com.obconsole.session;

import com.obconsole.audit.AuditAction;

/** What a DBA closes: the whole session (KILL) or only its current query (KILL QUERY). */
public enum CloseKind {

	SESSION("session", AuditAction.CLOSE_SESSION), QUERY("query", AuditAction.CLOSE_QUERY);

	private final String param;

	private final AuditAction auditAction;

	CloseKind(String param, AuditAction auditAction) {
		this.param = param;
		this.auditAction = auditAction;
	}

	/** How forms and URLs spell it, exactly: {@code kind=session} or {@code kind=query}. */
	String param() {
		return this.param;
	}

	AuditAction auditAction() {
		return this.auditAction;
	}

}
