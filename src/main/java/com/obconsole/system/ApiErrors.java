package com.obconsole.system;

import java.util.Locale;

import com.obconsole.cluster.UnknownTenantException;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.UnknownTargetException;
import com.obconsole.web.InvalidInputException;
import com.obconsole.web.JsonFields;
import com.obconsole.web.Problems;
import com.obconsole.web.Sentences;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the JSON API as ProblemDetail, with a status a client can act on. First in order: Spring
 * Boot's own problem-details advice would otherwise answer an unreadable body with its bare "Failed to
 * read request", naming no field. Each problem has a {@code code} (its message's key) beside the
 * detail, which follows Accept-Language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private final MessageSource messages;

	private final Sentences sentences;

	ApiErrors(MessageSource messages, Sentences sentences) {
		this.messages = messages;
		this.sentences = sentences;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail badInput(InvalidInputException ex, Locale locale) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ex, this.messages, locale);
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

	/**
	 * A body Jackson refused (application.yml makes it strict: no repeated field, no unknown field, no
	 * string for a number or fraction for a whole number): named by its field where Jackson knows it.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, Locale locale) {
		String field = JsonFields.named(ex);
		if (field != null) {
			return badInput(new InvalidInputException(field, "input.json.field"), locale);
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST,
				new DefaultMessageSourceResolvable("input.json"), this.messages, locale);
		problem.setTitle("Invalid request body");
		return problem;
	}

	@ExceptionHandler(UnknownTargetException.class)
	ProblemDetail unknownTarget(UnknownTargetException ex, Locale locale) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, ex.said(), this.sentences, locale);
		problem.setTitle("Unknown target");
		return problem;
	}

	@ExceptionHandler(UnknownTenantException.class)
	ProblemDetail unknownTenant(UnknownTenantException ex, Locale locale) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, ex.said(), this.sentences, locale);
		problem.setTitle("Unknown tenant");
		return problem;
	}

	@ExceptionHandler(TargetUnreachableException.class)
	ProblemDetail unreachable(TargetUnreachableException ex, Locale locale) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ex.said(), this.sentences, locale);
		problem.setTitle("Target unreachable");
		return problem;
	}

}
