package com.obconsole.engine;

/**
 * A tenant as a cluster lists it.
 *
 * @param name the tenant's name, as URLs and the TENANT column use it
 * @param mode MYSQL or ORACLE, or {@code null} when the engine does not say
 * @param filtered whether the processlist can be filtered to it by the TENANT column; false for
 * engines without tenants, whose one "tenant" is the whole server
 */
public record TenantInfo(String name, String mode, boolean filtered) {

	/** The one tenant of an engine without tenants (seekdb 1.4, MySQL, MariaDB). */
	public static final String WHOLE_SERVER = "default";

}
