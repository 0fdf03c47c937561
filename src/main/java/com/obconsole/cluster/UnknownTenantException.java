package com.obconsole.cluster;

/** A request named a tenant the cluster does not have. */
public class UnknownTenantException extends RuntimeException {

	public UnknownTenantException(String cluster, String tenant) {
		super("Cluster '" + cluster + "' has no tenant named '" + tenant + "'");
	}

}
