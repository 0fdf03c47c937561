package com.obconsole.trace;

import java.math.BigDecimal;
import java.security.Principal;

import com.obconsole.session.SessionIds;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API over one session's full-link tracing. */
@RestController
@RequestMapping("/api/targets/{target}/sessions/{id}/trace")
class TraceApiController {

	private final TraceService tracing;

	TraceApiController(TraceService tracing) {
		this.tracing = tracing;
	}

	@GetMapping
	ResponseEntity<?> state(@PathVariable String target, @PathVariable String id) {
		long sessionId = SessionIds.parse("id", id);
		return this.tracing.state(target, sessionId)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Session " + id + " has ended.")));
	}

	@PutMapping
	TraceResult enable(@PathVariable String target, @PathVariable String id, @RequestBody TraceJson body,
			Principal principal) {
		long sessionId = SessionIds.parse("id", id);
		TraceRequest request = TraceRequest.of(body.level(), body.samplePercent(), body.recordPolicy());
		return this.tracing.enable(actor(principal), target, sessionId, request);
	}

	@DeleteMapping
	TraceResult disable(@PathVariable String target, @PathVariable String id, Principal principal) {
		return this.tracing.disable(actor(principal), target, SessionIds.parse("id", id));
	}

	private static String actor(Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}

	/** What a script sends to switch tracing on. */
	record TraceJson(Integer level, BigDecimal samplePercent, String recordPolicy) {
	}

}
