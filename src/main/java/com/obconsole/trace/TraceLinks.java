package com.obconsole.trace;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URLs of the tracing dialog: context-relative and encoded; templates wrap them in
 * {@code @{...}}.
 *
 * @param target the target
 * @param tenant the tenant of the session list, or {@code null}
 * @param id the session id
 */
public record TraceLinks(String target, String tenant, String id) {

	/** The dialog itself, and where its form posts (the tenant goes as a field). */
	public String self() {
		return build("/targets/{target}/sessions/{id}/trace", this.tenant);
	}

	public String action() {
		return build("/targets/{target}/sessions/{id}/trace", null);
	}

	/** The session list it was opened from. */
	public String back() {
		return build("/targets/{target}/sessions", this.tenant);
	}

	private String build(String path, String tenant) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		if (tenant != null) {
			builder.queryParam("tenant", "{tenant}");
		}
		return builder.encode()
			.buildAndExpand(Map.of("target", this.target, "id", this.id, "tenant", (tenant != null) ? tenant : ""))
			.toUriString();
	}

}
