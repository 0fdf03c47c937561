package com.obconsole.trace;

import java.math.BigDecimal;

import com.obconsole.engine.TraceSetting;

/**
 * What the Full link tracking configuration form holds, as text, so that a bad value comes back in
 * its field with the message beside it.
 *
 * @param on the switch: tracing on (enable with the settings) or off (disable)
 * @param level the trace level, 1 to 3
 * @param samplePercent the sampling percentage; blank means the default, 10
 * @param recordPolicy ALL, ONLY_SLOW_QUERY or SAMPLE_AND_SLOW_QUERY
 */
public record TraceForm(boolean on, String level, String samplePercent, String recordPolicy) {

	/** What the form offers for a session the engine shows untraced. */
	static final TraceForm DEFAULTS = new TraceForm(false, "1",
			TraceRequest.DEFAULT_SAMPLE_PERCENT.toPlainString(), RecordPolicy.SAMPLE_AND_SLOW_QUERY.name());

	private static final int MAX_NUMBER_LENGTH = 24;

	/**
	 * The form as it opens: the session's current values, or the defaults when it shows none. The
	 * switch is on only for a setting of the session's own; the tenant's values are a starting point.
	 */
	static TraceForm of(TraceSetting setting) {
		if (setting == null || !setting.isEnabled()) {
			return DEFAULTS;
		}
		return new TraceForm(!setting.tenantWide(), String.valueOf(setting.level()),
				(setting.samplePercentage() > 0) ? String.valueOf(setting.samplePercentage()) : DEFAULTS.samplePercent(),
				(setting.recordPolicy() != null) ? setting.recordPolicy() : DEFAULTS.recordPolicy());
	}

	/** The form as posted; the switch is on when its box was ticked. */
	static TraceForm posted(String enabled, String level, String samplePercent, String recordPolicy) {
		boolean on = "true".equalsIgnoreCase(enabled) || "on".equalsIgnoreCase(enabled);
		return new TraceForm(on, trim(level), trim(samplePercent), trim(recordPolicy));
	}

	/**
	 * The request to switch tracing on with.
	 * @throws InvalidTraceRequestException naming the bad field
	 */
	TraceRequest request() {
		return TraceRequest.of(parseLevel(), parsePercent(), this.recordPolicy);
	}

	private Integer parseLevel() {
		if (this.level == null || this.level.isEmpty()) {
			return null;
		}
		if (this.level.length() > 2 || !this.level.chars().allMatch(Character::isDigit)) {
			throw new InvalidTraceRequestException("level", "the trace level is 1, 2 or 3");
		}
		return Integer.valueOf(this.level);
	}

	private BigDecimal parsePercent() {
		if (this.samplePercent == null || this.samplePercent.isEmpty()) {
			return null;
		}
		try {
			if (this.samplePercent.length() <= MAX_NUMBER_LENGTH) {
				return new BigDecimal(this.samplePercent);
			}
		}
		catch (NumberFormatException ex) {
			// Said below.
		}
		throw new InvalidTraceRequestException("samplePercent", "the sampling percentage is more than 0 and at most 100");
	}

	private static String trim(String text) {
		return (text != null) ? text.trim() : null;
	}

}
