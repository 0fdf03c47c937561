package com.obconsole.targets;

import com.obconsole.web.Sentence;

/**
 * A target could not be reached. The message (English, for logs) and {@link #said()} (for the DBA,
 * in their language) say why; the reason itself is the connection's or the engine's text.
 */
public class TargetUnreachableException extends RuntimeException {

	/** The problem's code: {0} the target, {1} why. */
	public static final String CODE = "target.unreachable.reason";

	private final Sentence said;

	/** A reason that is a sentence of no one's but the engine's or the driver's: said as it stands. */
	static final String AS_SAID = "target.problem.asSaid";

	public TargetUnreachableException(String target, String reason) {
		this(target, reason, Sentence.of(AS_SAID, reason));
	}

	/** @param english the reason in English, for the log; {@code reason} says it in the reader's language */
	public TargetUnreachableException(String target, String english, Sentence reason) {
		super("Target '" + target + "' is unreachable: " + english);
		this.said = Sentence.of(CODE, target, reason);
	}

	public Sentence said() {
		return this.said;
	}

}
