package com.obconsole.engine;

/**
 * What the console learned about a target on connect.
 *
 * @param server engine and version
 * @param versionText {@code @@version} as reported
 * @param versionComment {@code @@version_comment} as reported
 * @param tenant for OceanBase, the tenant the connection is in ("sys" for a sys-tenant
 * connection); {@code null} for engines without tenants
 * @param mode for OceanBase, the tenant's compatibility mode (MYSQL or ORACLE); otherwise
 * {@code null}
 */
public record EngineInfo(ServerVersion server, String versionText, String versionComment, String tenant,
		String mode) {

	public Engine engine() {
		return this.server.engine();
	}

	public boolean isSysTenant() {
		return "sys".equalsIgnoreCase(this.tenant);
	}

}
