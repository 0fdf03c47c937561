package com.obconsole.session;

import java.util.List;

/**
 * The outcome of a confirmed close: one line per session.
 *
 * @param kind what was closed
 * @param results one per session, in the order confirmed
 * @param links the page's links
 */
public record CloseResultsView(CloseKind kind, List<CloseResult> results, SessionLinks links) {

	public long count(String outcome) {
		return this.results.stream().filter((r) -> r.outcome().name().equals(outcome)).count();
	}

	/** The Bootstrap badge style of an outcome. */
	public String badgeClass(CloseResult result) {
		return switch (result.outcome()) {
			case CLOSED -> "text-bg-success";
			case ALREADY_ENDED -> "text-bg-secondary";
			case REFUSED -> "text-bg-warning";
			case FAILED -> "text-bg-danger";
		};
	}

}
