package com.obconsole.cluster;

import java.util.List;

import com.obconsole.engine.TenantInfo;
import com.obconsole.targets.TargetStatus;

/**
 * A target seen as a DBA sees it: a cluster with its tenants and observers. A tenant-only target,
 * seekdb 1.4, MySQL and MariaDB are clusters with one tenant.
 *
 * @param status reachability, engine and version
 * @param tenants its tenants (empty when unreachable)
 * @param observers its observers, ip:port (empty when unreachable)
 */
public record Cluster(TargetStatus status, List<TenantInfo> tenants, List<String> observers) {

	public String name() {
		return this.status.name();
	}

	public boolean hasTenant(String tenant) {
		return this.tenants.stream().anyMatch((t) -> t.name().equals(tenant));
	}

	/** The TENANT value to filter sessions by, or {@code null} for a tenant that is the whole server. */
	public String sqlTenant(String tenant) {
		return this.tenants.stream()
			.filter((t) -> t.name().equals(tenant))
			.findFirst()
			.filter(TenantInfo::filtered)
			.map(TenantInfo::name)
			.orElse(null);
	}

}
