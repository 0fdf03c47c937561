package com.obconsole.targets;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code console.target.reachable}: one gauge per configured target, 1 when its latest check
 * connected, 0 when not. A scrape reads the cached status and never waits for a target.
 */
@Component
class TargetMeters implements MeterBinder {

	private final Targets targets;

	private final TargetMonitor monitor;

	TargetMeters(Targets targets, TargetMonitor monitor) {
		this.targets = targets;
		this.monitor = monitor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Target target : this.targets.all()) {
			Gauge.builder("console.target.reachable", target, this.monitor::reachability)
				.description("1 if the target answered the console's latest check, 0 if not")
				.strongReference(true)
				.tag("target", target.name())
				.register(registry);
		}
	}

}
