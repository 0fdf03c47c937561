package com.obconsole.audit;

import java.util.List;

/**
 * One page of audit records, newest first.
 *
 * @param records the records of this page
 * @param total how many records match in all
 * @param page this page's number, from 0
 * @param size records per page
 */
public record AuditPage(List<AuditRecord> records, long total, int page, int size) {

	/** How many pages the matching records fill. */
	public int pages() {
		return (int) ((this.total + this.size - 1) / this.size);
	}

}
