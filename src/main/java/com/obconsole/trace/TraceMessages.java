package com.obconsole.trace;

/**
 * The codes of what a tracing change answers, keys of messages.properties (block "Full-link
 * tracing: results") and the stable {@code code} of the JSON API.
 */
final class TraceMessages {

	static final String ENABLED = "trace.enabled";

	static final String DISABLED = "trace.disabled";

	static final String ENDED = "trace.alreadyEnded";

	static final String UNREADABLE = "trace.unreadable";

	static final String OTHER_TENANT = "trace.otherTenant";

	static final String AUDIT_UNWRITABLE = "trace.audit.unwritable";

	static final String AUDIT_UNRECORDED = "trace.audit.unrecorded";

	static final String ENGINE_REFUSED = "trace.engine.refused";

	static final String NO_OWN_TRACING = "trace.failed.noOwnTracing";

	static final String NOT_HELD = "trace.failed.notHeld";

	static final String BAD_SETTING = "trace.failed.badSetting";

	static final String NOT_SUPPORTED = "trace.failed.notSupported";

	static final String ENGINE_ERROR = "trace.failed.engine";

	/** A setting as an argument of {@link #ENABLED} and {@link #DISABLED}: level, percentage, policy. */
	static final String SETTING_ON = "trace.setting.on";

	static final String SETTING_OFF = "trace.setting.off";

	/** The session's setting before a change the console could not read (the session had ended). */
	static final String SETTING_UNKNOWN = "trace.setting.unknown";

	/** The audit record's detail of a change: the setting before and the one asked for. */
	static final String AUDIT_DETAIL = "trace.audit.detail";

	static final String SETTING_ENDED = "trace.setting.ended";

	/** {@code GET …/trace} of a session that has ended: the problem's code. */
	static final String SESSION_ENDED = "trace.sessionEnded";

	private TraceMessages() {
	}

}
