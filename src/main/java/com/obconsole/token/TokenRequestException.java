package com.obconsole.token;

import org.springframework.context.MessageSourceResolvable;

/** A token request that cannot be done as asked: a message code and its arguments, for a 400. */
public class TokenRequestException extends RuntimeException implements MessageSourceResolvable {

	private final String code;

	private final transient Object[] arguments;

	TokenRequestException(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
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
