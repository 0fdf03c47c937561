package com.obconsole.i18n;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The English bundle's sentences, as a page in another language must not show them: every run of
 * literal text longer than 20 characters between a value's placeholders, leaving out those the other
 * language writes the same (commands, names of settings).
 */
final class EnglishSentences {

	static final int LONGER_THAN = 20;

	private EnglishSentences() {
	}

	static Set<String> notIn(String tag) {
		Properties english = BundleTests.load(Path.of("src/main/resources/messages/messages.properties"));
		Properties other = BundleTests
			.load(Path.of("src/main/resources/messages/messages_" + tag.replace('-', '_') + ".properties"));
		Set<String> translated = new TreeSet<>();
		other.stringPropertyNames().forEach((key) -> translated.addAll(segments(other.getProperty(key))));
		Set<String> sentences = new TreeSet<>();
		for (String key : english.stringPropertyNames()) {
			for (String segment : segments(english.getProperty(key))) {
				if (segment.length() > LONGER_THAN && translated.stream().noneMatch((t) -> t.contains(segment))) {
					sentences.add(segment);
				}
			}
		}
		return sentences;
	}

	/** A value's literal runs, as MessageFormat prints them ('' an apostrophe, '{' a brace). */
	static List<String> segments(String value) {
		String text = value.replace("'{'", "{").replace("'}'", "}").replace("''", "'");
		return List.of(text.split("\\{[^}]*}|%s")).stream().map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/** The English sentences a page's words contain. */
	static List<String> in(String words, Set<String> sentences) {
		return sentences.stream().filter(words::contains).toList();
	}

}
