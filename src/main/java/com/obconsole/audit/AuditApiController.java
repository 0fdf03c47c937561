package com.obconsole.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the audit trail as JSON, with the filters of the audit page. */
@RestController
class AuditApiController {

	private final AuditTrail trail;

	AuditApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/audit")
	AuditPage find(AuditFilter filter) {
		return this.trail.find(filter.toQuery());
	}

	@ExceptionHandler(BadAuditQueryException.class)
	ProblemDetail badQuery(BadAuditQueryException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
