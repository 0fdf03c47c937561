package com.obconsole.audit;

/** A filter of the audit page or API that cannot be understood; answered with 400 and this message. */
class BadAuditQueryException extends RuntimeException {

	BadAuditQueryException(String message) {
		super(message);
	}

}
