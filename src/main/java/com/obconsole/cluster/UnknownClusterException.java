package com.obconsole.cluster;

/** A page named a cluster that is not configured. */
class UnknownClusterException extends RuntimeException {

	UnknownClusterException(String cluster) {
		super("No cluster is named '" + cluster + "'");
	}

}
