package com.obconsole.trace;

import com.obconsole.session.InvalidSessionQueryException;

/** A trace setting that makes no sense; refused before anything reaches the engine. */
public class InvalidTraceRequestException extends InvalidSessionQueryException {

	public InvalidTraceRequestException(String parameter, String message) {
		super(parameter, message);
	}

}
