package com.obconsole.session;

/**
 * The codes of what a close answers, keys of messages.properties (block "Closing sessions") and the
 * stable {@code code} of the JSON API. Arguments are named in the properties file.
 */
final class CloseMessages {

	static final String CLOSED = "close.closed";

	static final String QUERY_CLOSED = "close.query.closed";

	static final String ENDED = "close.ended";

	static final String QUERY_ENDED = "close.query.ended";

	static final String OWN = "close.own";

	static final String OTHER_TENANT = "close.otherTenant";

	static final String STALE_OBSERVER = "close.stale.observer";

	static final String STALE_REUSED = "close.stale.reused";

	static final String STALE_SQL = "close.stale.sql";

	static final String DENIED = "close.denied";

	static final String ENGINE_ERROR = "close.engine.error";

	static final String ENGINE_REFUSED = "close.engine.refused";

	static final String DIRECT_FAILED = "close.direct.failed";

	static final String AUDIT_UNWRITABLE = "close.audit.unwritable";

	static final String UNREACHABLE = "close.unreachable";

	/** Said after an outcome the audit trail could not store. */
	static final String AUDIT_UNRECORDED = "close.audit.unrecorded";

	private CloseMessages() {
	}

}
