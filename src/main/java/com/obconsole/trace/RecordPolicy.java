package com.obconsole.trace;

/** Which traces the engine records for a traced session (DBMS_MONITOR's record policy). */
public enum RecordPolicy {

	/** Every span of every request, printed as each span ends. */
	ALL,
	/** Only the traces of slow queries. */
	ONLY_SLOW_QUERY,
	/** Slow queries, plus the sampled share of all requests. */
	SAMPLE_AND_SLOW_QUERY;

	static RecordPolicy parse(String text) {
		for (RecordPolicy policy : values()) {
			if (policy.name().equalsIgnoreCase(text)) {
				return policy;
			}
		}
		throw new InvalidTraceRequestException("recordPolicy",
				"use ALL, ONLY_SLOW_QUERY or SAMPLE_AND_SLOW_QUERY, not '" + text + "'");
	}

}
