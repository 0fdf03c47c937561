package com.obconsole.trace;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Locale;

import com.obconsole.session.SessionIds;
import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;

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

	private final Sentences sentences;

	TraceApiController(TraceService tracing, Sentences sentences) {
		this.tracing = tracing;
		this.sentences = sentences;
	}

	@GetMapping
	ResponseEntity<?> state(@PathVariable String target, @PathVariable String id, Locale locale) {
		long sessionId = SessionIds.parse("id", id);
		return this.tracing.state(target, sessionId)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ended(sessionId, locale)));
	}

	private ProblemDetail ended(long id, Locale locale) {
		Sentence ended = Sentence.of(TraceMessages.SESSION_ENDED, Long.toUnsignedString(id));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, this.sentences.say(ended, locale));
		problem.setProperty("code", ended.code());
		return problem;
	}

	@PutMapping
	TraceAnswer enable(@PathVariable String target, @PathVariable String id, @RequestBody TraceJson body,
			Principal principal, Locale locale) {
		long sessionId = SessionIds.parse("id", id);
		TraceRequest request = TraceRequest.of(body.level(), body.samplePercent(), body.recordPolicy());
		return TraceAnswer.of(this.tracing.enable(actor(principal), target, sessionId, request), this.sentences, locale);
	}

	@DeleteMapping
	TraceAnswer disable(@PathVariable String target, @PathVariable String id, Principal principal, Locale locale) {
		return TraceAnswer.of(this.tracing.disable(actor(principal), target, SessionIds.parse("id", id)),
				this.sentences, locale);
	}

	private static String actor(Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}

	/** What a script sends to switch tracing on. */
	record TraceJson(Integer level, BigDecimal samplePercent, String recordPolicy) {
	}

}
