package com.obconsole.targets;

/** A request named a target that is not configured. */
public class UnknownTargetException extends RuntimeException {

	public UnknownTargetException(String name) {
		super("No target is named '" + name + "'");
	}

}
