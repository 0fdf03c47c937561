package com.obconsole.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.obconsole.web.Sentence;

/**
 * A valid request to trace a session.
 *
 * @param level 1 (coarsest) to 3 (finest)
 * @param samplePercent 0 &lt; p &le; 100
 * @param recordPolicy which traces are recorded
 */
public record TraceRequest(int level, BigDecimal samplePercent, RecordPolicy recordPolicy) {

	public static final BigDecimal DEFAULT_SAMPLE_PERCENT = BigDecimal.TEN;

	/**
	 * Checks what a form or a script sent.
	 * @throws InvalidTraceRequestException naming the bad field
	 */
	public static TraceRequest of(Integer level, BigDecimal samplePercent, String recordPolicy) {
		if (level == null || level < 1 || level > 3) {
			throw new InvalidTraceRequestException("level", "trace.bad.level");
		}
		BigDecimal percent = (samplePercent != null) ? samplePercent : DEFAULT_SAMPLE_PERCENT;
		if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 4) {
			throw new InvalidTraceRequestException("samplePercent", "trace.bad.samplePercent");
		}
		return new TraceRequest(level, percent, RecordPolicy.parse(recordPolicy));
	}

	/** DBMS_MONITOR takes a fraction, 0 &lt; pct &le; 1, not a percentage. */
	public BigDecimal fraction() {
		return this.samplePercent.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
	}

	/** The setting asked for, as an argument of a result's sentence. */
	Sentence said() {
		return Sentence.of(TraceMessages.SETTING_ON, this.level, this.samplePercent.stripTrailingZeros().toPlainString(),
				this.recordPolicy);
	}

}
