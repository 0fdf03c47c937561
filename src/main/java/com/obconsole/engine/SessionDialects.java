package com.obconsole.engine;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Picks the dialect for a detected engine. Adding an engine is adding a dialect here. */
public final class SessionDialects {

	private SessionDialects() {
	}

	/**
	 * @param engine the detected engine
	 * @param jdbc a client on the target, used to learn its processlist columns
	 * @param serverAddress host:port of the target, shown where the engine names no server
	 */
	public static SessionDialect discover(EngineInfo engine, JdbcClient jdbc, String serverAddress) {
		return engine.engine().isOceanBaseFamily() ? OceanBaseDialect.discover(jdbc, serverAddress)
				: MySqlDialect.discover(jdbc, serverAddress, engine.engine() == Engine.MARIADB);
	}

}
