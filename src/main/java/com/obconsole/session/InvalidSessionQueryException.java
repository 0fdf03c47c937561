package com.obconsole.session;

import com.obconsole.web.InvalidInputException;

/**
 * A parameter of a session request is invalid; answered with 400, the parameter's name and the
 * message {@code code} of messages.properties.
 */
public class InvalidSessionQueryException extends InvalidInputException {

	public InvalidSessionQueryException(String parameter, String code, Object... arguments) {
		super(parameter, code, arguments);
	}

}
