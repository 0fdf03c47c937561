package com.obconsole.engine;

/**
 * A session's full-link trace setting as GV$OB_PROCESSLIST shows it.
 *
 * @param level LEVEL, 1 to 3; -1 when unset
 * @param samplePercentage SAMPLE_PERCENTAGE, 1 to 100; -1 when unset
 * @param recordPolicy RECORD_POLICY, or {@code null} when unset
 * @param tenantWide whether it is the tenant's setting (GV$OB_FLT_TRACE_CONFIG, TYPE TENANT),
 * which every session of the tenant shows, rather than one made for this session
 */
public record TraceSetting(int level, int samplePercentage, String recordPolicy, boolean tenantWide) {

	public static final TraceSetting NONE = new TraceSetting(-1, -1, null, false);

	public TraceSetting(int level, int samplePercentage, String recordPolicy) {
		this(level, samplePercentage, recordPolicy, false);
	}

	public boolean isEnabled() {
		return this.level > 0;
	}

	/** The same level, percentage and policy, whoever set them. */
	boolean sameAs(TraceSetting other) {
		return other != null && this.level == other.level && this.samplePercentage == other.samplePercentage
				&& java.util.Objects.equals(this.recordPolicy, other.recordPolicy);
	}

	TraceSetting asTenantWide() {
		return new TraceSetting(this.level, this.samplePercentage, this.recordPolicy, true);
	}

}
