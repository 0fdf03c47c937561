package com.obconsole.trace;

import com.obconsole.engine.Session;
import com.obconsole.engine.TraceSetting;
import com.obconsole.web.Sentence;

/**
 * A session's tracing as the dialog and {@code GET …/trace} show it.
 *
 * @param sessionId the session id, as text
 * @param supported whether this target can trace sessions
 * @param reason why not, or {@code null}
 * @param enabled whether the session is traced now
 * @param level LEVEL, or {@code null}
 * @param samplePercentage SAMPLE_PERCENTAGE, or {@code null}
 * @param recordPolicy RECORD_POLICY, or {@code null}
 * @param tenantWide whether the setting is only the tenant's, not one made for this session
 */
public record TraceState(String sessionId, boolean supported, String reason, boolean enabled, Integer level,
		Integer samplePercentage, String recordPolicy, boolean tenantWide) {

	static TraceState of(Session session, com.obconsole.engine.TraceSupport support) {
		TraceSetting t = session.trace();
		return new TraceState(Long.toUnsignedString(session.id()), support.supported(), support.reason(), t.isEnabled(),
				t.isEnabled() ? t.level() : null, t.isEnabled() ? t.samplePercentage() : null,
				t.isEnabled() ? t.recordPolicy() : null, t.isEnabled() && t.tenantWide());
	}

	/** The setting as an argument of a result's sentence. */
	static Sentence said(TraceSetting t) {
		return t.isEnabled()
				? Sentence.of(TraceMessages.SETTING_ON, t.level(), t.samplePercentage(), t.recordPolicy())
				: Sentence.of(TraceMessages.SETTING_OFF);
	}

}
