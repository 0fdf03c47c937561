package com.obconsole.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

import com.obconsole.cluster.SessionManagement.Tab;
import com.obconsole.cluster.SessionManagement.Way;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Finds where a Session Management tab is, either way in, for every tab (Tenant Session, Session
 * Statistics, and those outside this package: Row Lock Analysis, Deadlock Analysis): the cluster
 * and tenant checked, a named tenant trimmed, and without one the cluster's first tenant.
 */
@Component
public class ManagementPlaces {

	private final Clusters clusters;

	ManagementPlaces(Clusters clusters) {
		this.clusters = clusters;
	}

	/**
	 * Method 1, through the cluster. Without a tenant named, the cluster's first tenant: the caller
	 * redirects there when {@link #needsRedirect} says so.
	 * @throws UnknownClusterException or {@link UnknownTenantException} for a name the console does not know
	 */
	public SessionManagement throughCluster(String cluster, String tenant, Tab tab) {
		String named = (tenant == null || tenant.isBlank()) ? null : tenant.trim();
		Cluster found = (named != null) ? ClusterPageController.withTenant(this.clusters, cluster, named)
				: ClusterPageController.cluster(this.clusters, cluster);
		if (named == null && !found.tenants().isEmpty()) {
			return new SessionManagement(Way.CLUSTER, found, found.tenants().get(0).name(), tab);
		}
		return new SessionManagement(Way.CLUSTER, found, named, tab);
	}

	/** Method 2, through the tenant. */
	public SessionManagement throughTenant(String cluster, String tenant, Tab tab) {
		Cluster found = ClusterPageController.withTenant(this.clusters, cluster, tenant);
		return new SessionManagement(Way.TENANT, found, tenant, tab);
	}

	/** The view parameters a request gave (non-empty ones, in the order named): kept through the redirect. */
	public static Map<String, String> given(HttpServletRequest request, String... names) {
		Map<String, String> view = new LinkedHashMap<>();
		for (String name : names) {
			String value = request.getParameter(name);
			if (value != null && !value.isEmpty()) {
				view.put(name, value);
			}
		}
		return view;
	}

	/** Whether a Method 1 request named no tenant and so must go to the place's (first) tenant. */
	public static boolean needsRedirect(SessionManagement place, String askedTenant) {
		return place.throughCluster() && (askedTenant == null || askedTenant.isBlank()) && place.tenant() != null;
	}

}
