package com.obconsole.trace;

import com.obconsole.session.InvalidSessionQueryException;

/**
 * A trace setting that makes no sense; refused before anything reaches the engine. Its message is
 * the code {@code code} of messages.properties.
 */
public class InvalidTraceRequestException extends InvalidSessionQueryException {

	public InvalidTraceRequestException(String parameter, String code, Object... arguments) {
		super(parameter, code, arguments);
	}

}
