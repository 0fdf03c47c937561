package com.obconsole.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;

/**
 * One audited action on a session.
 *
 * @param time when the action was done
 * @param actor who did it: the signed-in username ({@code Actor.current()})
 * @param target the configured target's name; null for an action on the console itself (an API token)
 * @param tenant the OceanBase tenant of the session; null on MySQL and MariaDB
 * @param sessionId the session's id as the engine shows it
 * @param observer the OceanBase observer (ip:port) the session is on; null elsewhere
 * @param sessionUser the database user of the session
 * @param source the client host:port of the session
 * @param database the session's current database
 * @param sqlId the OceanBase SQL id of the statement the session ran
 * @param sqlText the statement the session ran, in full
 * @param action what was done
 * @param route how the console reached the session (e.g. directly or through OBProxy)
 * @param outcome one of {@link #OUTCOMES}; {@link #UNKNOWN} for an intent
 * @param message the sentence the DBA was shown, in English (as stored, and in the CSV); read in the
 * reader's language where there is a code ({@link #inLanguage})
 * @param detail further facts, e.g. old and new trace settings; in English where {@code detailSaid} says it
 * @param messageCode the message's code (messages.properties), or null: rows written before there
 * were codes, and records whose message is not a sentence of the console (tokens)
 * @param messageArguments the code's arguments: text, or sentences of their own; null without a code
 * @param detailCode the detail's code where the detail is a sentence (its English text is {@code detail}),
 * or null: details that are data (a token's name and id), and rows written before details had codes
 * @param detailArguments the detail code's arguments; null without a code
 */
public record AuditRecord(Instant time, String actor, String target, String tenant, String sessionId,
		String observer, String sessionUser, String source, String database, String sqlId, String sqlText,
		AuditAction action, String route, String outcome, String message, String detail, String messageCode,
		List<Object> messageArguments, String detailCode, List<Object> detailArguments) {

	/** A record whose detail, if any, is data or stored text, not a sentence. */
	public AuditRecord(Instant time, String actor, String target, String tenant, String sessionId,
			String observer, String sessionUser, String source, String database, String sqlId, String sqlText,
			AuditAction action, String route, String outcome, String message, String detail, String messageCode,
			List<Object> messageArguments) {
		this(time, actor, target, tenant, sessionId, observer, sessionUser, source, database, sqlId, sqlText, action,
				route, outcome, message, detail, messageCode, messageArguments, null, null);
	}

	/** A record whose message is plain text, with no code. */
	public AuditRecord(Instant time, String actor, String target, String tenant, String sessionId, String observer,
			String sessionUser, String source, String database, String sqlId, String sqlText, AuditAction action,
			String route, String outcome, String message, String detail) {
		this(time, actor, target, tenant, sessionId, observer, sessionUser, source, database, sqlId, sqlText, action,
				route, outcome, message, detail, null, null);
	}

	/** A record of a sentence: its English text, and its code and arguments, to be read in any language. */
	public AuditRecord(Instant time, String actor, String target, String tenant, String sessionId, String observer,
			String sessionUser, String source, String database, String sqlId, String sqlText, AuditAction action,
			String route, String outcome, String english, String detail, Sentence said) {
		this(time, actor, target, tenant, sessionId, observer, sessionUser, source, database, sqlId, sqlText, action,
				route, outcome, english, detail, (said != null) ? said.code() : null,
				(said != null) ? said.arguments() : null);
	}

	/** The outcome of an intent that has no outcome recorded (yet, or ever: the console died). */
	public static final String UNKNOWN = "UNKNOWN";

	/** The outcomes an action can have. */
	public static final Set<String> OUTCOMES = Set.of("CLOSED", "ALREADY_ENDED", "REFUSED", "FAILED", "ENABLED",
			"DISABLED", "CREATED", "REVOKED", UNKNOWN);

	/** The same action, with its outcome. */
	public AuditRecord withOutcome(Instant at, String route, String outcome, String message, String detail) {
		return new AuditRecord(at, this.actor, this.target, this.tenant, this.sessionId, this.observer,
				this.sessionUser, this.source, this.database, this.sqlId, this.sqlText, this.action, route, outcome,
				message, detail, null, null);
	}

	/** The message's sentence, or null where the record keeps only text. */
	public Sentence sentence() {
		return (this.messageCode != null) ? new Sentence(this.messageCode, this.messageArguments) : null;
	}

	/**
	 * The record with its message in a reader's language: said from its code where it has one, else
	 * as stored (the rows written before codes, in English).
	 */
	public AuditRecord inLanguage(Sentences sentences, Locale locale) {
		Sentence said = sentence();
		String message = (said != null && this.message != null) ? sentences.say(said, locale, this.message)
				: this.message;
		Sentence detailSaid = detailSentence();
		String detail = (detailSaid != null && this.detail != null) ? sentences.say(detailSaid, locale, this.detail)
				: this.detail;
		return new AuditRecord(this.time, this.actor, this.target, this.tenant, this.sessionId, this.observer,
				this.sessionUser, this.source, this.database, this.sqlId, this.sqlText, this.action, this.route,
				this.outcome, message, detail, this.messageCode, this.messageArguments, this.detailCode,
				this.detailArguments);
	}

	/** The same record with its detail said by a sentence, whose English text is kept as the detail. */
	public AuditRecord withDetail(Sentence said, Sentences sentences) {
		return new AuditRecord(this.time, this.actor, this.target, this.tenant, this.sessionId, this.observer,
				this.sessionUser, this.source, this.database, this.sqlId, this.sqlText, this.action, this.route,
				this.outcome, this.message, sentences.english(said), this.messageCode, this.messageArguments, said.code(),
				said.arguments());
	}

	/** The detail's sentence, or null where the record keeps only text. */
	public Sentence detailSentence() {
		return (this.detailCode != null) ? new Sentence(this.detailCode, this.detailArguments) : null;
	}

	public AuditRecord {
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		if (!OUTCOMES.contains(outcome)) {
			throw new IllegalArgumentException("outcome must be one of " + OUTCOMES + ", not " + outcome);
		}
		messageArguments = (messageCode != null) ? List.copyOf((messageArguments != null) ? messageArguments : List.of())
				: null;
		detailArguments = (detailCode != null) ? List.copyOf((detailArguments != null) ? detailArguments : List.of())
				: null;
	}

}
