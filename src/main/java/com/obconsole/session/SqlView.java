package com.obconsole.session;

import com.obconsole.engine.Session;

/**
 * The View SQL dialog: a session's full SQL and what identifies it.
 *
 * @param id the session id asked for
 * @param session the session as the current snapshot shows it, or {@code null} if it has ended
 * @param links the page's links
 */
public record SqlView(String id, Session session, SessionLinks links) {

	public boolean ended() {
		return this.session == null;
	}

	public boolean runsSql() {
		return this.session != null && this.session.hasSql();
	}

}
