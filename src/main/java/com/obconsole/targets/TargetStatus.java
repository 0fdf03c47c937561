package com.obconsole.targets;

import java.time.Instant;

import com.obconsole.engine.EngineInfo;
import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;

/**
 * What the console knows of a target at one instant: reachable with its engine, or the error.
 *
 * @param name the target's name
 * @param address host:port from its URL
 * @param engine the detected engine; may be kept from an earlier check when the target is down now
 * @param reachable whether the last check connected
 * @param error why the last check failed, in a DBA's words, in English; {@code null} when reachable
 * @param checkedAt when the check ran
 * @param problem {@code error} as a sentence (codes {@code target.problem.*}), to be said in the
 * reader's language; {@code null} when reachable
 */
public record TargetStatus(String name, String address, EngineInfo engine, boolean reachable, String error,
		Instant checkedAt, Sentence problem) {

	/** A status whose error is text only. */
	public TargetStatus(String name, String address, EngineInfo engine, boolean reachable, String error,
			Instant checkedAt) {
		this(name, address, engine, reachable, error, checkedAt, null);
	}

	/**
	 * The status with its error said in the language of the request being answered; the English one
	 * stays for the actuator and the log.
	 */
	public TargetStatus in(Sentences sentences) {
		return (this.problem != null) ? new TargetStatus(this.name, this.address, this.engine, this.reachable,
				sentences.say(this.problem), this.checkedAt, this.problem) : this;
	}

	/** Why it cannot be reached, as a sentence: the one it has, else its text as it stands. */
	public Sentence why() {
		return (this.problem != null) ? this.problem : Sentence.of(TargetUnreachableException.AS_SAID, this.error);
	}

}
