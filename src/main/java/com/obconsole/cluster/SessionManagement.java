package com.obconsole.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.obconsole.engine.TenantInfo;
import com.obconsole.session.SessionListContext;

/**
 * Where the DBA is in Session Management, and so what chrome the page draws around the session
 * list or the statistics: one tenant of one cluster, reached either way OCP offers.
 *
 * @param way through the cluster (Method 1) or through the tenant (Method 2)
 * @param cluster the cluster
 * @param tenant the tenant shown; {@code null} only when an unreachable cluster has named none
 * @param tab the tab shown
 */
public record SessionManagement(Way way, Cluster cluster, String tenant, Tab tab) {

	/** The two ways into Session Management. */
	public enum Way {

		/** Clusters › c › Real-time Diagnostics › Session Management, with a tenant selector. */
		CLUSTER("/clusters/{cluster}/diagnostics", false),

		/** Tenants › c › t › Session Management, beside the tenant's left navigation. */
		TENANT("/clusters/{cluster}/tenants/{tenant}", true);

		final String sessionsPath;

		final String statisticsPath;

		private final String base;

		final boolean tenantInPath;

		Way(String base, boolean tenantInPath) {
			this.base = base;
			this.sessionsPath = path(Tab.SESSIONS);
			this.statisticsPath = path(Tab.STATISTICS);
			this.tenantInPath = tenantInPath;
		}

		/** The path of a tab on this way in, with {cluster} (and {tenant}) to fill. */
		public String path(Tab tab) {
			return this.base + "/" + tab.segment;
		}

	}

	/** OCP's tabs of Session Management. */
	public enum Tab {

		SESSIONS("sessions"), STATISTICS("statistics"), LOCKS("locks"), DEADLOCKS("deadlocks");

		private final String segment;

		Tab(String segment) {
			this.segment = segment;
		}

	}

	public boolean throughCluster() {
		return this.way == Way.CLUSTER;
	}

	public String clusterName() {
		return this.cluster.name();
	}

	/** The cluster's tenants, for the tenant selector. */
	public List<String> tenants() {
		List<String> names = this.cluster.tenants().stream().map(TenantInfo::name).toList();
		if (this.tenant != null && !names.contains(this.tenant)) {
			// An unreachable cluster lists no tenants; keep the one asked for selectable.
			return List.of(this.tenant);
		}
		return names;
	}

	/** The TENANT value sessions are read for; {@code null} for a tenant that is the whole server. */
	public String readTenant() {
		if (this.tenant == null) {
			return null;
		}
		if (this.cluster.hasTenant(this.tenant)) {
			return this.cluster.sqlTenant(this.tenant);
		}
		// Tenants unknown (the cluster could not be read): take the name as it is.
		return TenantInfo.WHOLE_SERVER.equals(this.tenant) ? null : this.tenant;
	}

	/** Where the session list's own links stay: this way's Tenant Session tab. */
	public SessionListContext listContext() {
		return new SessionListContext(this.way.sessionsPath, pathVariables(), this.way.tenantInPath, readTenant(),
				this.way.path(Tab.LOCKS));
	}

	/** The Tenant Session tab of this tenant. */
	public String sessionsUrl() {
		return sessionsUrl(Map.of());
	}

	/** The Tenant Session tab of this tenant with a view (filters, sort, ...) in its query. */
	public String sessionsUrl(Map<String, String> view) {
		return url(this.way.sessionsPath, view);
	}

	/** The Session Statistics tab of this tenant. */
	public String statisticsUrl() {
		return statisticsUrl(Map.of());
	}

	public String statisticsUrl(Map<String, String> view) {
		return url(this.way.statisticsPath, view);
	}

	/** The Row Lock Analysis tab of this tenant. */
	public String locksUrl() {
		return tabUrl(Tab.LOCKS, Map.of());
	}

	/** The Deadlock Analysis tab of this tenant. */
	public String deadlocksUrl() {
		return tabUrl(Tab.DEADLOCKS, Map.of());
	}

	/** A tab of this tenant with a view in its query. */
	public String tabUrl(Tab other, Map<String, String> view) {
		return url(this.way.path(other), view);
	}

	/** The path of the tab shown, without a query: where the tenant selector's form goes. */
	public String tabPath() {
		return ClusterLinks.build(this.way.path(this.tab), pathVariables(), Map.of());
	}

	/** This place on another tab. */
	public SessionManagement on(Tab other) {
		return new SessionManagement(this.way, this.cluster, this.tenant, other);
	}

	public String clusterUrl() {
		return ClusterLinks.cluster(clusterName());
	}

	public String tenantUrl() {
		return ClusterLinks.tenant(clusterName(), this.tenant);
	}

	public String diagnosticsUrl() {
		return ClusterLinks.diagnostics(clusterName(), this.tenant);
	}

	private String url(String path, Map<String, String> view) {
		Map<String, String> query = new LinkedHashMap<>();
		if (!this.way.tenantInPath && this.tenant != null) {
			query.put("tenant", this.tenant);
		}
		view.forEach((name, value) -> {
			if (!"tenant".equals(name) && value != null) {
				query.put(name, value);
			}
		});
		return ClusterLinks.build(path, pathVariables(), query);
	}

	private Map<String, String> pathVariables() {
		return (this.way.tenantInPath && this.tenant != null)
				? Map.of("cluster", clusterName(), "tenant", this.tenant) : Map.of("cluster", clusterName());
	}

}
