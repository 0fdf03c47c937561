package com.obconsole.targets;

import com.obconsole.web.Sentence;

/**
 * A target could not be reached. The message (English, for logs) and {@link #said()} (for the DBA,
 * in their language) say why; the reason itself is the connection's or the engine's text.
 */
public class TargetUnreachableException extends RuntimeException {

	/** The problem's code: {0} the target, {1} why. */
	public static final String CODE = "target.unreachable";

	private final Sentence said;

	public TargetUnreachableException(String target, String reason) {
		super("Target '" + target + "' is unreachable: " + reason);
		this.said = Sentence.of(CODE, target, reason);
	}

	public Sentence said() {
		return this.said;
	}

}
