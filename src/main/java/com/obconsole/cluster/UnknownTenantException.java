package com.obconsole.cluster;

import com.obconsole.web.Sentence;

/** A request named a tenant the cluster does not have. */
public class UnknownTenantException extends RuntimeException {

	/** The problem's code: {0} the cluster, {1} the tenant asked for. */
	public static final String CODE = "cluster.tenant.unknown";

	private final Sentence said;

	public UnknownTenantException(String cluster, String tenant) {
		super("Cluster '" + cluster + "' has no tenant named '" + tenant + "'");
		this.said = Sentence.of(CODE, cluster, tenant);
	}

	/** Why, for the DBA, in their language. */
	public Sentence said() {
		return this.said;
	}

}
