package com.obconsole.targets;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API over the configured targets. */
@RestController
@RequestMapping("/api/targets")
class TargetApiController {

	private final TargetMonitor monitor;

	TargetApiController(TargetMonitor monitor) {
		this.monitor = monitor;
	}

	@GetMapping
	List<TargetView> targets() {
		return this.monitor.statuses().stream().map(TargetView::of).toList();
	}

	/** A target as scripts see it. */
	record TargetView(String name, String engine, String version, String tenant, boolean reachable, String error) {

		static TargetView of(TargetStatus status) {
			if (status.engine() == null) {
				return new TargetView(status.name(), null, null, null, status.reachable(), status.error());
			}
			return new TargetView(status.name(), status.engine().engine().displayName(),
					status.engine().server().version(), status.engine().tenant(), status.reachable(), status.error());
		}

	}

}
