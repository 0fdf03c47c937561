package com.obconsole.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view a DBA asked for on the Tenant Session page, as the URL carries it: raw text, so that a
 * bad value can be shown back next to its filter instead of failing the request.
 *
 * @param tenant the tenant, or blank for every session the target sees
 * @param id session ID search
 * @param user user search (substring)
 * @param source source search (substring)
 * @param database database search (substring)
 * @param sqlId SQL ID (exact)
 * @param activeOnly "true" for active sessions only
 * @param sort sort column ({@link SortKey#param()})
 * @param direction asc or desc
 * @param page page number, from 1
 * @param size rows per page
 * @param refresh auto-refresh interval in seconds, 0 for off
 */
public record SessionViewParams(String tenant, String id, String user, String source, String database, String sqlId,
		String activeOnly, String sort, String direction, String page, String size, String refresh) {

	/** The auto-refresh intervals offered, in seconds; 0 is off. */
	static final List<Integer> REFRESH_CHOICES = List.of(0, 2, 5, 10, 30);

	/** The page sizes offered. */
	static final List<Integer> SIZE_CHOICES = List.of(20, 50, 100, 200);

	/** The parameters that have a text box of their own; the rest are carried in links and hidden fields. */
	static final List<String> SEARCHES = List.of("id", "user", "source", "database", "sqlId");

	static final SessionViewParams NONE = new SessionViewParams(null, null, null, null, null, null, null, null, null,
			null, null, null);

	/**
	 * The filters, sort and page as a query.
	 * @throws InvalidSessionQueryException naming the bad parameter
	 */
	SessionQuery query() {
		return SessionQuery.of(this.id, this.user, this.source, this.database, this.activeOnly, this.sort,
				this.direction, this.page, this.size).withSqlId(this.sqlId);
	}

	/**
	 * The auto-refresh interval in seconds, 0 for off.
	 * @throws InvalidSessionQueryException if it is not one of the intervals offered
	 */
	int refreshSeconds() {
		if (blank(this.refresh)) {
			return 0;
		}
		for (int choice : REFRESH_CHOICES) {
			if (String.valueOf(choice).equals(this.refresh.trim())) {
				return choice;
			}
		}
		throw new InvalidSessionQueryException("refresh", "list.refresh");
	}

	/** The tenant, or {@code null} for every session the target sees. */
	public String tenantOrNull() {
		return blank(this.tenant) ? null : this.tenant.trim();
	}

	/** Every parameter that has a value, in URL order. */
	public Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		put(map, "tenant", this.tenant);
		put(map, "id", this.id);
		put(map, "user", this.user);
		put(map, "source", this.source);
		put(map, "database", this.database);
		put(map, "sqlId", this.sqlId);
		put(map, "activeOnly", this.activeOnly);
		put(map, "sort", this.sort);
		put(map, "direction", this.direction);
		put(map, "page", this.page);
		put(map, "size", this.size);
		put(map, "refresh", this.refresh);
		return map;
	}

	/** The same view with one parameter changed; {@code null} removes it. */
	public SessionViewParams with(String name, String value) {
		Map<String, String> map = asMap();
		if (value == null || value.isEmpty()) {
			map.remove(name);
		}
		else {
			map.put(name, value);
		}
		return of(map);
	}

	static SessionViewParams of(Map<String, String> map) {
		return new SessionViewParams(map.get("tenant"), map.get("id"), map.get("user"), map.get("source"),
				map.get("database"), map.get("sqlId"), map.get("activeOnly"), map.get("sort"), map.get("direction"), map.get("page"),
				map.get("size"), map.get("refresh"));
	}

	private static void put(Map<String, String> map, String name, String value) {
		if (!blank(value)) {
			map.put(name, value);
		}
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
