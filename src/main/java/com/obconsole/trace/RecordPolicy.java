package com.obconsole.trace;

/** Which traces the engine records for a traced session (DBMS_MONITOR's record policy). */
public enum RecordPolicy {

	/** Every span of every request, printed as each span ends. */
	ALL,
	/** Only the traces of slow queries. */
	ONLY_SLOW_QUERY,
	/** Slow queries, plus the sampled share of all requests. */
	SAMPLE_AND_SLOW_QUERY;

	/** Exactly as DBMS_MONITOR spells it: upper case, nothing around it. */
	static RecordPolicy parse(String text) {
		for (RecordPolicy policy : values()) {
			if (policy.name().equals(text)) {
				return policy;
			}
		}
		throw new InvalidTraceRequestException("recordPolicy", "trace.bad.recordPolicy");
	}

}
