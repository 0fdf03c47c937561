package com.obconsole.audit;

/** The actions on sessions that the audit trail records. */
public enum AuditAction {

	CLOSE_SESSION, CLOSE_QUERY, TRACE_ENABLE, TRACE_DISABLE

}
