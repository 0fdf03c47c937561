package com.obconsole.audit;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * A filter of the audit page or API that cannot be understood; answered with 400 and its message,
 * whose text lives in messages.properties ({@code audit.bad.*}).
 */
class BadAuditQueryException extends RuntimeException implements MessageSourceResolvable {

	private final String code;

	private final Object[] arguments;

	BadAuditQueryException(String code, Object... arguments) {
		super(code + " " + Arrays.toString(arguments));
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
