package com.obconsole.trace;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import com.obconsole.engine.TraceSetting;
import com.obconsole.session.InvalidSessionQueryException;
import com.obconsole.web.ActionParams;

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

	private static final Pattern LEVEL = Pattern.compile("[1-3]");

	private static final Pattern PERCENT = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.[0-9]{1,4})?");

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

	/**
	 * The form as posted, read exactly ({@link ActionParams}): the switch is on when its box was
	 * ticked ({@code enabled=true}), off when it was not (no {@code enabled}, or {@code false}).
	 * @throws InvalidSessionQueryException for a field given twice, too long, or a switch spelled otherwise
	 */
	static TraceForm posted(ActionParams form) {
		Boolean on = form.choice("enabled", List.of(true, false), Object::toString);
		return new TraceForm(Boolean.TRUE.equals(on), form.single("level", ActionParams.MAX_LENGTH),
				form.single("samplePercent", ActionParams.MAX_LENGTH),
				form.single("recordPolicy", ActionParams.MAX_LENGTH));
	}

	/**
	 * The request to switch tracing on with.
	 * @throws InvalidTraceRequestException naming the bad field
	 */
	TraceRequest request() {
		return TraceRequest.of(parseLevel(), parsePercent(), this.recordPolicy);
	}

	/**
	 * Checks what a form with its switch off sent anyway (without JavaScript the settings are not
	 * disabled): a value given must still be exactly valid, though none is used.
	 * @throws InvalidTraceRequestException naming the bad field
	 */
	void checkGiven() {
		parseLevel();
		parsePercent();
		if (this.recordPolicy != null && !this.recordPolicy.isEmpty()) {
			RecordPolicy.parse(this.recordPolicy);
		}
	}

	/** 1, 2 or 3 as the form's radio buttons send it; empty reads as none, which TraceRequest refuses. */
	private Integer parseLevel() {
		if (this.level == null || this.level.isEmpty()) {
			return null;
		}
		if (!LEVEL.matcher(this.level).matches()) {
			throw new InvalidTraceRequestException("level", "trace.bad.level");
		}
		return Integer.valueOf(this.level);
	}

	/** ASCII digits with at most four decimals, no sign, exponent or leading zero; empty is the default. */
	private BigDecimal parsePercent() {
		if (this.samplePercent == null || this.samplePercent.isEmpty()) {
			return null;
		}
		if (!PERCENT.matcher(this.samplePercent).matches()) {
			throw new InvalidTraceRequestException("samplePercent", "trace.bad.samplePercent");
		}
		return new BigDecimal(this.samplePercent);
	}

}
