package com.obconsole.targets;

/** A target could not be reached; the message says why in a DBA's words. */
public class TargetUnreachableException extends RuntimeException {

	public TargetUnreachableException(String target, String reason) {
		super("Target '" + target + "' is unreachable: " + reason);
	}

}
