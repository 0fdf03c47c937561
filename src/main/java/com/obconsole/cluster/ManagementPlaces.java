package com.obconsole.cluster;

import com.obconsole.cluster.SessionManagement.Tab;
import com.obconsole.cluster.SessionManagement.Way;

import org.springframework.stereotype.Component;

/**
 * Finds where a Session Management tab is, either way in, for the tabs that live outside this
 * package (Row Lock Analysis, Deadlock Analysis): the cluster and tenant checked, as on the other tabs.
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
		String named = (tenant == null || tenant.isBlank()) ? null : tenant;
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

	/** Whether a Method 1 request named no tenant and so must go to the place's (first) tenant. */
	public static boolean needsRedirect(SessionManagement place, String askedTenant) {
		return place.throughCluster() && (askedTenant == null || askedTenant.isBlank()) && place.tenant() != null;
	}

}
