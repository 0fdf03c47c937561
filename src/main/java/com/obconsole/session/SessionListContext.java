package com.obconsole.session;

import java.util.Map;

/**
 * Where a session list is shown, so that the same list can live on more than one page: the path
 * its own links (sort, filters, paging, refresh, the pushed URL) stay on, and the tenant its
 * snapshot is read for. The dialogs (View SQL, close) keep their {@code /targets/...} URLs.
 *
 * @param path the list's path as a URI template, e.g. {@code /clusters/{cluster}/tenants/{tenant}/sessions}
 * @param variables the template's values; each is encoded strictly when a link is built
 * @param tenantInPath whether the path names the tenant, so links leave {@code tenant=} out of the query
 * @param readTenant the TENANT value the snapshot is read for, {@code null} for every session the
 * target sees (also for a tenant that is the whole server, such as MariaDB's "default")
 * @param locksPath the Row Lock Analysis tab beside this list (same variables), where the list's
 * lock marks link to; {@code null} where there is none
 */
public record SessionListContext(String path, Map<String, String> variables, boolean tenantInPath,
		String readTenant, String locksPath) {

	public SessionListContext {
		variables = Map.copyOf(variables);
	}

	/** The Tenant Session page of a target: {@code /targets/{target}/sessions?tenant=...}. */
	static SessionListContext ofTarget(String target, String tenant) {
		return new SessionListContext("/targets/{target}/sessions", Map.of("target", target), false, tenant, null);
	}

}
