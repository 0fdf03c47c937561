package com.obconsole.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Says a {@link Sentence} in a language, from messages.properties and its translations. */
@Component
public class Sentences {

	/**
	 * The base bundle, messages.properties, which is English. Asked for by the root locale rather than
	 * {@code Locale.ENGLISH}, which would fall back to the system's locale where no messages_en exists.
	 */
	public static final Locale ENGLISH = Locale.ROOT;

	private final MessageSource messages;

	public Sentences(MessageSource messages) {
		this.messages = messages;
	}

	public String say(Sentence sentence, Locale locale) {
		return this.messages.getMessage(resolvable(sentence), locale);
	}

	/**
	 * Said as stored: {@code stored} where the bundle has no such code (a code a later version
	 * dropped), so that an audit record never reads as an error.
	 */
	public String say(Sentence sentence, Locale locale, String stored) {
		try {
			return say(sentence, locale);
		}
		catch (NoSuchMessageException ex) {
			// Not as a default message, which MessageFormat would read and mangle at a quote or brace.
			return stored;
		}
	}

	/** Spring's MessageSource says an argument that is itself resolvable, in the same language. */
	private static MessageSourceResolvable resolvable(Sentence sentence) {
		Object[] arguments = sentence.arguments()
			.stream()
			.map((a) -> (a instanceof Sentence inner) ? resolvable(inner) : a)
			.toArray();
		return new DefaultMessageSourceResolvable(new String[] { sentence.code() }, arguments);
	}

	/** In the language of the request being answered. */
	public String say(Sentence sentence) {
		return say(sentence, LocaleContextHolder.getLocale());
	}

	/** As the audit trail's message column and CSV keep it. */
	public String english(Sentence sentence) {
		return say(sentence, ENGLISH);
	}

}
