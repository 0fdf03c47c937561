package com.obconsole.audit;

/** What was done to a session. */
public enum AuditAction {

	CLOSE_SESSION, CLOSE_QUERY, TRACE_ENABLE, TRACE_DISABLE, TOKEN_CREATE, TOKEN_REVOKE,

	/** A sign-in refused after the provider or directory accepted the user: no group maps to a role. */
	SIGN_IN

}
