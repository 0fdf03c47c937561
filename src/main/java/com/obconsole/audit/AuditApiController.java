package com.obconsole.audit;

import java.util.Locale;

import com.obconsole.web.Problems;
import com.obconsole.web.Sentences;

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

	private final Sentences sentences;

	AuditApiController(AuditTrail trail, MessageSource messages, Sentences sentences) {
		this.trail = trail;
		this.messages = messages;
		this.sentences = sentences;
	}

	/** Each message follows Accept-Language where the record has a code (messageCode), else reads as stored. */
	@GetMapping("/api/audit")
	AuditPage find(AuditFilter filter, Locale locale) {
		return this.trail.find(filter.toQuery()).inLanguage(this.sentences, locale);
	}

	@ExceptionHandler(BadAuditQueryException.class)
	ProblemDetail badQuery(BadAuditQueryException ex, Locale locale) {
		return Problems.of(HttpStatus.BAD_REQUEST, ex, this.messages, locale);
	}

}
