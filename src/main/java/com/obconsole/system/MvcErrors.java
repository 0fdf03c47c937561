package com.obconsole.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.obconsole.web.Problems;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors (an unknown address, a wrong method, an unreadable request) that no
 * controller of ours explains. Replaces Boot's problem-details advice, which answers every caller in
 * English JSON, a browser included: the API gets a ProblemDetail with a {@code code} and the detail in
 * the caller's language; a page gets Boot's error view (templates/error.html), in the reader's
 * language, with the same status.
 */
@ControllerAdvice
class MvcErrors extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	MvcErrors(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
		if (!isApi(servletRequest)) {
			showErrorPage(((ServletWebRequest) request).getResponse(), headers, statusCode);
			return null;
		}
		return ResponseEntity.status(statusCode).headers(headers).body(problem(statusCode, request.getLocale()));
	}

	private ProblemDetail problem(HttpStatusCode statusCode, Locale locale) {
		String code = "error.status." + statusCode.value();
		if (this.messages.getMessage(code, null, null, Locale.ENGLISH) == null) {
			code = "error.status.other";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusCode,
				this.messages.getMessage(code, null, locale));
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		problem.setTitle((status != null) ? status.getReasonPhrase() : null);
		problem.setProperty(Problems.CODE, code);
		return problem;
	}

	/** As Spring's default resolver does: the servlet container forwards to the error view. */
	private static void showErrorPage(HttpServletResponse response, HttpHeaders headers, HttpStatusCode statusCode) {
		if (response == null || response.isCommitted()) {
			return;
		}
		headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		try {
			response.sendError(statusCode.value());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/actuator/");
	}

}
