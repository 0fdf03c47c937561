package com.obconsole.targets;

import com.obconsole.web.Sentence;

/** A request named a target that is not configured. */
public class UnknownTargetException extends RuntimeException {

	/** The problem's code: {0} the name asked for. */
	public static final String CODE = "target.unknown";

	private final Sentence said;

	public UnknownTargetException(String name) {
		super("No target is named '" + name + "'");
		this.said = Sentence.of(CODE, name);
	}

	/** Why, for the DBA, in their language. */
	public Sentence said() {
		return this.said;
	}

}
