package com.obconsole.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.obconsole.web.Problems;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code GET /audit.csv}: every record the audit page's filters match, newest first, as CSV. */
@Controller
class AuditExportController {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditExportController(AuditTrail trail, MessageSource messages) {
		this.trail = trail;
		this.messages = messages;
	}

	@GetMapping("/audit.csv")
	void export(AuditFilter filter, HttpServletResponse response, Locale locale) throws IOException {
		AuditQuery asked = filter.toQuery();
		// Records that arrive during the export would shift the pages; stop at the moment it began.
		Instant now = Instant.now();
		Instant to = (asked.to() == null || asked.to().isAfter(now)) ? now : asked.to();
		AuditQuery query = asked.withTo(to).withSize(AuditQuery.MAX_SIZE);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("audit-" + FILE_TIME.format(now) + ".csv").build().toString());
		Writer out = response.getWriter();
		AuditCsv.header(out, this.messages, locale);
		for (int page = 0;; page++) {
			AuditPage records = this.trail.find(query.withPage(page));
			for (AuditRecord record : records.records()) {
				AuditCsv.row(out, record);
			}
			if (records.records().size() < query.size()) {
				break;
			}
		}
		out.flush();
	}

	@ExceptionHandler(BadAuditQueryException.class)
	@ResponseBody
	ProblemDetail badQuery(BadAuditQueryException ex, Locale locale) {
		return Problems.of(HttpStatus.BAD_REQUEST, ex, this.messages, locale);
	}

}
