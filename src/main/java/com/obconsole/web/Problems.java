package com.obconsole.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The JSON API's problems: the detail in the caller's language (Accept-Language), and beside it the
 * message's {@code code}, which does not change with the language, for scripts to rely on.
 */
public final class Problems {

	/** The property of a ProblemDetail that holds the code. */
	public static final String CODE = "code";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, MessageSourceResolvable said, MessageSource messages,
			Locale locale) {
		return coded(ProblemDetail.forStatusAndDetail(status, messages.getMessage(said, locale)), said.getCodes()[0]);
	}

	public static ProblemDetail of(HttpStatus status, Sentence said, Sentences sentences, Locale locale) {
		return coded(ProblemDetail.forStatusAndDetail(status, sentences.say(said, locale)), said.code());
	}

	private static ProblemDetail coded(ProblemDetail problem, String code) {
		problem.setProperty(CODE, code);
		return problem;
	}

}
