package com.obconsole.audit;

import java.util.List;
import java.util.Locale;

import com.obconsole.web.Sentences;

/**
 * One page of audit records, newest first.
 *
 * @param records the records of this page
 * @param total how many records match in all
 * @param page this page's number, from 0
 * @param size records per page
 */
public record AuditPage(List<AuditRecord> records, long total, int page, int size) {

	/** The page with each record's message in a reader's language, where it has a code. */
	public AuditPage inLanguage(Sentences sentences, Locale locale) {
		return new AuditPage(this.records.stream().map((r) -> r.inLanguage(sentences, locale)).toList(), this.total,
				this.page, this.size);
	}

	/** How many pages the matching records fill. */
	public int pages() {
		return (int) ((this.total + this.size - 1) / this.size);
	}

}
