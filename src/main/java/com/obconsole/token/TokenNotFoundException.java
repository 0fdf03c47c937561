package com.obconsole.token;

import org.springframework.context.MessageSourceResolvable;

/** No token with this id that the caller may see: a 404, the same for "not there" and "not yours". */
public class TokenNotFoundException extends RuntimeException implements MessageSourceResolvable {

	private final long id;

	TokenNotFoundException(long id) {
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
