package com.obconsole.web;

import java.util.Arrays;
import java.util.List;

/**
 * A sentence for the DBA as a message code and its arguments, not as text: it is said in the
 * reader's language when it is shown ({@link Sentences}), and the audit trail keeps the code and
 * arguments so that a record reads in either language. An argument is text as the engine or the
 * DBA gave it (an id, an address, an engine's error), or a sentence of its own.
 *
 * @param code the key in messages.properties, also the stable {@code code} of the JSON API
 * @param arguments {@code String}s and {@code Sentence}s, in the order of {@code {0}}, {@code {1}}, …
 */
public record Sentence(String code, List<Object> arguments) {

	public Sentence {
		arguments = List.copyOf(arguments);
		for (Object argument : arguments) {
			if (!(argument instanceof String) && !(argument instanceof Sentence)) {
				throw new IllegalArgumentException("an argument is text or a sentence, not " + argument);
			}
		}
	}

	/**
	 * Arguments other than sentences become text here, so that an id reads as the engine shows it
	 * (MessageFormat would write 3221487622 as 3,221,487,622) and a null as nothing.
	 */
	public static Sentence of(String code, Object... arguments) {
		return new Sentence(code, Arrays.stream(arguments)
			.map((a) -> (a instanceof Sentence) ? a : (a != null) ? String.valueOf(a) : "")
			.toList());
	}

}
