package com.obconsole.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Interim audit trail: writes each record to the log until the stored trail lands. */
@Component
class LogAuditTrail implements AuditTrail {

	private static final Logger logger = LoggerFactory.getLogger("audit");

	@Override
	public void record(AuditRecord record) {
		logger.info("{}", record);
	}

}
