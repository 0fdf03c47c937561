package com.obconsole.audit;

/** Where every action on a session is recorded, whatever its outcome. */
public interface AuditTrail {

	/** Records an action; never loses one silently. */
	void record(AuditRecord record);

}
