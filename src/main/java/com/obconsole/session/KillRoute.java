package com.obconsole.session;

import java.util.Optional;

import com.obconsole.engine.Session;

/**
 * Where a KILL goes after the target answered "Unknown thread id". Through OBProxy (with its
 * default client_session_id_version=1) the proxy knows only its own client-session ids, so an id
 * from GV$OB_PROCESSLIST is unknown to it although the session lives on an observer: then the
 * KILL goes straight to that observer. A direct connection's "unknown" means the session ended.
 */
final class KillRoute {

	private KillRoute() {
	}

	/**
	 * @param targetThroughProxy whether the target's connection goes through OBProxy
	 * @param session the live session as the processlist shows it
	 * @param targetAddress the target's own host:port
	 * @return the observer (ip:port) to retry on, or empty to report the session as ended
	 */
	static Optional<String> afterUnknownThread(boolean targetThroughProxy, Session session, String targetAddress) {
		if (!targetThroughProxy || session == null || session.observer() == null) {
			return Optional.empty();
		}
		if (session.observer().equals(targetAddress)) {
			return Optional.empty();
		}
		return Optional.of(session.observer());
	}

}
