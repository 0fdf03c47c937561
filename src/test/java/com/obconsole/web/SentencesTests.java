package com.obconsole.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Sentences said from messages.properties, as the console's MessageSource reads it. */
class SentencesTests {

	final Sentences sentences = new Sentences(bundle());

	static ResourceBundleMessageSource bundle() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

	@Test
	void anIdIsSaidAsTheEngineShowsIt() {
		assertThat(this.sentences.english(Sentence.of("close.closed", 3221487622L))).isEqualTo("Session 3221487622 closed.");
	}

	@Test
	void aSentenceWithinASentenceIsSaidInTheSameLanguage() {
		Sentence failed = Sentence.of("close.direct.failed", "7", "10.0.0.5:2882",
				Sentence.of("close.engine.error", 1045, "Access denied for user 'root'@'%'"));
		assertThat(this.sentences.say(failed, Locale.ENGLISH)).isEqualTo("OBProxy did not know session 7, and the direct"
				+ " connection to observer 10.0.0.5:2882 failed: The engine refused: error 1045: Access denied for user 'root'@'%'");
	}

	@Test
	void engineTextIsNotReadAsAPattern() {
		assertThat(this.sentences.english(Sentence.of("close.engine.refused", "can't {0} it")))
			.isEqualTo("The engine refused: can't {0} it");
	}

	@Test
	void aCodeNoLongerKnownReadsAsStored() {
		Sentence gone = Sentence.of("close.noSuchCode", "1");
		assertThat(this.sentences.say(gone, Locale.ENGLISH, "Session 1 closed, as stored.")).isEqualTo("Session 1 closed, as stored.");
		assertThatExceptionOfType(NoSuchMessageException.class).isThrownBy(() -> this.sentences.english(gone));
	}

}
