package com.obconsole.audit;

/** Every action done to a session, and its outcome, kept in the console's own database. */
public interface AuditTrail {

	/**
	 * Keeps a record. Never loses one: when the store fails, the record is logged in full at ERROR
	 * and the failure is rethrown.
	 */
	void record(AuditRecord record);

	/** The records that match, newest first, one page of them. */
	AuditPage find(AuditQuery query);

}
