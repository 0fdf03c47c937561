package com.obconsole.trace;

/** How a tracing change ended. */
public enum TraceOutcome {

	ENABLED, DISABLED, ALREADY_ENDED, REFUSED, FAILED

}
