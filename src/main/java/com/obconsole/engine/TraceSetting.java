package com.obconsole.engine;

/**
 * A session's full-link trace setting as GV$OB_PROCESSLIST shows it.
 *
 * @param level LEVEL, 1 to 3; -1 when unset
 * @param samplePercentage SAMPLE_PERCENTAGE, 1 to 100; -1 when unset
 * @param recordPolicy RECORD_POLICY, or {@code null} when unset
 */
public record TraceSetting(int level, int samplePercentage, String recordPolicy) {

	public static final TraceSetting NONE = new TraceSetting(-1, -1, null);

	public boolean isEnabled() {
		return this.level > 0;
	}

}
