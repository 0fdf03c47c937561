package com.obconsole.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.obconsole.web.Sentences;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The audit page: filters in the URL, a page of records newest first, and a link to the CSV export. */
@Controller
class AuditController {

	private static final String VIEW = "audit/list";

	/** The page shows UTC, like the filters read it, so that what a DBA types matches what is shown. */
	static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

	private final AuditTrail trail;

	private final MessageSource messages;

	private final Sentences sentences;

	AuditController(AuditTrail trail, MessageSource messages, Sentences sentences) {
		this.trail = trail;
		this.messages = messages;
		this.sentences = sentences;
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("filter") AuditFilter filter, Model model, HttpServletResponse response,
			Locale locale) {
		String query = filter.queryString();
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("outcomes", AuditRecord.OUTCOMES.stream().sorted().toList());
		model.addAttribute("times", TIMES);
		model.addAttribute("exportUrl", "/audit.csv" + (query.isEmpty() ? "" : "?" + query));
		model.addAttribute("pageUrl", "/audit?" + (query.isEmpty() ? "" : query + "&") + "page=");
		try {
			// Records written with a code read in the viewer's language; older ones as stored, in English.
			model.addAttribute("result", this.trail.find(filter.toQuery()).inLanguage(this.sentences, locale));
		}
		catch (BadAuditQueryException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("filterError", this.messages.getMessage(ex, locale));
			model.addAttribute("result", new AuditPage(List.of(), 0, 0, AuditFilter.DEFAULT_SIZE));
		}
		return VIEW;
	}

}
