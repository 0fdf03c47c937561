package com.obconsole.session;

/** How a close ended. */
public enum CloseOutcome {

	/** The engine closed it. */
	CLOSED,
	/** It had already ended (or its query had finished) before the console acted. */
	ALREADY_ENDED,
	/** The console refused: the session is not the one the DBA saw, or is the console's own. */
	REFUSED,
	/** The engine refused or failed; the message says why. */
	FAILED

}
