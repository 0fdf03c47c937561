package com.obconsole.audit;

import java.util.List;
import java.util.Map;

/** Every action done to a session, and its outcome, kept in the console's own database. */
public interface AuditTrail {

	/**
	 * Keeps a record. Never loses one: when the store fails, the record is logged in full at ERROR
	 * and the failure is rethrown.
	 */
	void record(AuditRecord record);

	/**
	 * Write-ahead: keeps, durably, that an action is about to be done (outcome {@code UNKNOWN}),
	 * before it is done; its id, for {@link #complete}. Throws when the store cannot be written, and
	 * then the action must not be done. A console that dies before {@link #complete} leaves this
	 * record standing as "attempted, outcome unknown".
	 */
	long intend(AuditRecord intent);

	/** Keeps, durably, the outcome of the action begun by {@link #intend}. */
	void complete(long intentId, AuditRecord outcome);

	/**
	 * {@link #intend} for a batch: all of them kept in one transaction, made durable once (a batch of
	 * 200 closes pays one sync, not 200), or none. Their ids, in the order given.
	 */
	List<Long> intendAll(List<AuditRecord> intents);

	/** {@link #complete} for a batch, in one transaction made durable once: intent id → outcome. */
	void completeAll(Map<Long, AuditRecord> outcomes);

	/** The records that match, newest first, one page of them. */
	AuditPage find(AuditQuery query);

}
