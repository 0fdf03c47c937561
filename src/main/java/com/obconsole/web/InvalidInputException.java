package com.obconsole.web;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * A request parameter that is not exactly a valid value: answered with 400, the parameter's name and
 * a message from messages.properties, whose first argument is the parameter.
 */
public class InvalidInputException extends RuntimeException implements MessageSourceResolvable {

	private final String parameter;

	private final String code;

	private final Object[] arguments;

	/** The message is {@code code} in messages.properties, with the parameter and then the arguments. */
	public InvalidInputException(String parameter, String code, Object... arguments) {
		super(parameter + ": " + code + " " + Arrays.toString(arguments));
		this.parameter = parameter;
		this.code = code;
		Object[] all = new Object[arguments.length + 1];
		all[0] = parameter;
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		this.arguments = all;
	}

	public String parameter() {
		return this.parameter;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments;
	}

}
