package com.obconsole.cluster;

import com.obconsole.web.Sentence;

/** A page named a cluster that is not configured. */
class UnknownClusterException extends RuntimeException {

	/** The problem's code: {0} the name asked for. */
	static final String CODE = "cluster.unknown.named";

	private final Sentence said;

	UnknownClusterException(String cluster) {
		super("No cluster is named '" + cluster + "'");
		this.said = Sentence.of(CODE, cluster);
	}

	/** Why, for the DBA, in their language. */
	Sentence said() {
		return this.said;
	}

}
