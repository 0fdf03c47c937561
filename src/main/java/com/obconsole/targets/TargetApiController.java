package com.obconsole.targets;

import java.util.List;

import com.obconsole.web.Sentences;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API over the configured targets. */
@RestController
@RequestMapping("/api/targets")
class TargetApiController {

	private final TargetMonitor monitor;

	private final Sentences sentences;

	TargetApiController(TargetMonitor monitor, Sentences sentences) {
		this.monitor = monitor;
		this.sentences = sentences;
	}

	/** {@code error} follows Accept-Language; {@code errorCode} ({@code target.problem.*}) does not. */
	@GetMapping
	List<TargetView> targets() {
		return this.monitor.statuses().stream().map((s) -> TargetView.of(s.in(this.sentences))).toList();
	}

	/** A target as scripts see it. */
	record TargetView(String name, String engine, String version, String tenant, boolean reachable, String error,
			String errorCode) {

		static TargetView of(TargetStatus status) {
			String errorCode = (status.problem() != null) ? status.problem().code() : null;
			if (status.engine() == null) {
				return new TargetView(status.name(), null, null, null, status.reachable(), status.error(), errorCode);
			}
			return new TargetView(status.name(), status.engine().engine().displayName(),
					status.engine().server().version(), status.engine().tenant(), status.reachable(), status.error(),
					errorCode);
		}

	}

}
