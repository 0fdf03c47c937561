package com.obconsole.system;

import com.obconsole.cluster.UnknownTenantException;
import com.obconsole.session.InvalidSessionQueryException;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.UnknownTargetException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the JSON API as ProblemDetail, with a status a client can act on. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

	@ExceptionHandler(InvalidSessionQueryException.class)
	ProblemDetail badInput(InvalidSessionQueryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not the JSON this call takes.");
		problem.setTitle("Invalid request body");
		return problem;
	}

	@ExceptionHandler(UnknownTargetException.class)
	ProblemDetail unknownTarget(UnknownTargetException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown target");
		return problem;
	}

	@ExceptionHandler(UnknownTenantException.class)
	ProblemDetail unknownTenant(UnknownTenantException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown tenant");
		return problem;
	}

	@ExceptionHandler(TargetUnreachableException.class)
	ProblemDetail unreachable(TargetUnreachableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Target unreachable");
		return problem;
	}

}
