package com.obconsole.audit;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the audit trail as JSON, with the filters of the audit page. */
@RestController
class AuditApiController {

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditApiController(AuditTrail trail, MessageSource messages) {
		this.trail = trail;
		this.messages = messages;
	}

	@GetMapping("/api/audit")
	AuditPage find(AuditFilter filter) {
		return this.trail.find(filter.toQuery());
	}

	@ExceptionHandler(BadAuditQueryException.class)
	ProblemDetail badQuery(BadAuditQueryException ex, Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, this.messages.getMessage(ex, locale));
	}

}
