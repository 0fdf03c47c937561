package com.obconsole.session;

import java.util.List;

/**
 * The outcome of a confirmed close: one line per session.
 *
 * @param kind what was closed
 * @param results one per session, in the order confirmed, said in the viewer's language
 * @param links the page's links
 */
public record CloseResultsView(CloseKind kind, List<CloseAnswer> results, SessionLinks links) {

	public long count(String outcome) {
		return this.results.stream().filter((r) -> r.outcome().name().equals(outcome)).count();
	}

	/** The Bootstrap badge style of an outcome. */
	public String badgeClass(CloseAnswer result) {
		return switch (result.outcome()) {
			case CLOSED -> "text-bg-success";
			case ALREADY_ENDED -> "text-bg-secondary";
			case REFUSED -> "text-bg-warning";
			case FAILED -> "text-bg-danger";
		};
	}

}
