package com.obconsole.trace;

/**
 * The outcome of a tracing change, shown in the dialog like the results of a close.
 *
 * @param result what the engine did, said in the viewer's language
 * @param enabling whether tracing was switched on (else off)
 * @param links the dialog's links
 */
public record TraceResultView(TraceAnswer result, boolean enabling, TraceLinks links) {

	/** The Bootstrap badge style of the outcome. */
	public String badgeClass() {
		return switch (this.result.outcome()) {
			case ENABLED, DISABLED -> "text-bg-success";
			case ALREADY_ENDED -> "text-bg-secondary";
			case REFUSED -> "text-bg-warning";
			case FAILED -> "text-bg-danger";
		};
	}

}
