package com.obconsole.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the actions on sessions by kind, target and outcome ({@code console.actions}), as the
 * audit trail records them: counted where the outcome is known, also when the audit write of that
 * outcome then fails, so that the counter says what happened to the sessions.
 */
@Component
public class ActionMeters {

	private final MeterRegistry meters;

	ActionMeters(MeterRegistry meters) {
		this.meters = meters;
	}

	/** One action with its outcome code ({@code CLOSED}, {@code REFUSED}, ...). */
	public void count(AuditAction kind, String target, String outcome) {
		Counter.builder("console.actions")
			.description("Actions on sessions by kind and outcome, as audited")
			.tag("kind", kind.name())
			.tag("target", target)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
