package com.obconsole.session;

/** A parameter of a session request is invalid; answered with 400 and the parameter's name. */
public class InvalidSessionQueryException extends RuntimeException {

	private final String parameter;

	public InvalidSessionQueryException(String parameter, String message) {
		super(parameter + ": " + message);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
