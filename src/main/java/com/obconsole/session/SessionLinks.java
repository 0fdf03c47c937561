package com.obconsole.session;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URLs of the Tenant Session page, each carrying the whole view (filters, sort, page, size,
 * refresh, tenant) so that a copied link reopens the same view and every refresh keeps it. URLs
 * are context-relative and encoded; templates wrap them in {@code @{...}}.
 */
public final class SessionLinks {

	private final String target;

	private final SessionViewParams params;

	private final SortKey sort;

	private final boolean descending;

	private final SessionListContext context;

	/** The links of one tenant's sessions (View SQL, the confirmations), for pages other than the list. */
	public static SessionLinks of(String target, String tenant) {
		return new SessionLinks(target, SessionViewParams.NONE.with("tenant", tenant), null);
	}

	SessionLinks(String target, SessionViewParams params, SessionQuery query) {
		this(target, params, query, SessionListContext.ofTarget(target, params.tenantOrNull()));
	}

	SessionLinks(String target, SessionViewParams params, SessionQuery query, SessionListContext context) {
		this.target = target;
		this.context = context;
		this.params = params;
		this.sort = (query != null) ? query.sort() : SessionQuery.DEFAULT.sort();
		this.descending = (query != null) ? query.descending() : SessionQuery.DEFAULT.descending();
	}

	/** The list without any parameter: the form's action. */
	public String base() {
		return list(SessionViewParams.NONE);
	}

	/** Every session again, keeping only the tenant and the refresh choice. */
	public String reset() {
		return list(SessionViewParams.NONE.with("tenant", this.params.tenant()).with("refresh", this.params.refresh()));
	}

	/** This very view: what a refresh asks for. */
	public String self() {
		return list(this.params);
	}

	/** The view sorted by a column: the current column flips direction, a new one starts at its natural order. */
	public String sort(String column) {
		SortKey key = SortKey.fromParam(column);
		boolean descendingNext = (key == this.sort) ? !this.descending : key == SortKey.TIME;
		return list(this.params.with("sort", key.param())
			.with("direction", descendingNext ? "desc" : "asc")
			.with("page", null));
	}

	/** Another page of this view. */
	public String page(int page) {
		return list(this.params.with("page", (page <= 1) ? null : String.valueOf(page)));
	}

	/** This view without one filter, from its first page. */
	public String without(String parameter) {
		return list(this.params.with(parameter, null).with("page", null));
	}

	/** The full SQL of a session. */
	public String sql(String id) {
		return build("/targets/{target}/sessions/" + id + "/sql", tenantOnly());
	}

	/** The live plan of a session's running statement (the Plan tab of View SQL). */
	public String plan(String id) {
		return build("/targets/{target}/sessions/" + id + "/plan", tenantOnly());
	}

	/** The Full link tracking configuration of a session. */
	public String trace(String id) {
		return build("/targets/{target}/sessions/" + id + "/trace", tenantOnly());
	}

	/** The confirmation of closing one session or its query. */
	public String confirm(String kind, String id) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("kind", List.of(kind));
		query.put("ids", List.of(id));
		String tenant = this.params.tenantOrNull();
		if (tenant != null) {
			query.put("tenant", List.of(tenant));
		}
		return build("/targets/{target}/sessions/confirm", query);
	}

	/** The confirmation of closing every session of one SQL ID, or their queries. */
	public String confirmGroup(String kind, String sqlId) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("kind", List.of(kind));
		query.put("sqlId", List.of(sqlId));
		String tenant = this.params.tenantOrNull();
		if (tenant != null) {
			query.put("tenant", List.of(tenant));
		}
		return build("/targets/{target}/sessions/confirm", query);
	}

	/** The confirmation form's action (GET, the selected ids and kind come from the form). */
	public String confirmBase() {
		return build("/targets/{target}/sessions/confirm", Map.of());
	}

	/** Where the confirmation posts. */
	public String close() {
		return build("/targets/{target}/sessions/close", Map.of());
	}

	/** The Row Lock Analysis tab beside this list, or {@code null} on a page without one. */
	public String locks() {
		if (this.context.locksPath() == null) {
			return null;
		}
		return build(this.context.locksPath(), this.context.variables(),
				this.context.tenantInPath() ? Map.of() : tenantOnly());
	}

	private Map<String, List<String>> tenantOnly() {
		String tenant = this.params.tenantOrNull();
		return (tenant != null) ? Map.of("tenant", List.of(tenant)) : Map.of();
	}

	/** The list on the page the DBA is on (see {@link SessionListContext}). */
	private String list(SessionViewParams view) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		view.asMap().forEach((name, value) -> query.put(name, List.of(value)));
		if (this.context.tenantInPath()) {
			query.remove("tenant");
		}
		return build(this.context.path(), this.context.variables(), query);
	}

	private String build(String path, Map<String, List<String>> query) {
		return build(path, Map.of("target", this.target), query);
	}

	/** Every value goes in as a URI variable, so it is encoded strictly ('&', '+', '#' included). */
	private static String build(String path, Map<String, String> pathVariables, Map<String, List<String>> query) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		Map<String, Object> variables = new HashMap<>(pathVariables);
		int n = 0;
		for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
			for (String value : parameter.getValue()) {
				String variable = "v" + n++;
				builder.queryParam(parameter.getKey(), "{" + variable + "}");
				variables.put(variable, value);
			}
		}
		return builder.encode().buildAndExpand(variables).toUriString();
	}

}
