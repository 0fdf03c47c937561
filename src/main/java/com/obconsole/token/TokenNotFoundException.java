package com.obconsole.token;

import org.springframework.context.MessageSourceResolvable;

/** No token with this id that the caller may see: a 404, the same for "not there" and "not yours". */
public class TokenNotFoundException extends RuntimeException implements MessageSourceResolvable {

	private final String id;

	/** @param id the id as it was asked for, which may not even be a number */
	TokenNotFoundException(String id) {
		super("token " + id);
		this.id = id;
	}

	@Override
	public String[] getCodes() {
		return new String[] { "token.notFound" };
	}

	@Override
	public Object[] getArguments() {
		return new Object[] { this.id };
	}

}
