package com.obconsole.targets;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A configured target and its connection pool.
 *
 * @param name the configured name
 * @param definition what was configured
 * @param address host:port the URL points at, for messages
 * @param connections the target's pool, which remembers the console's own session ids
 * @param jdbc a client on the pool, with the query timeout applied
 */
public record Target(String name, TargetProperties.Definition definition, String address, OwnSessions connections,
		JdbcClient jdbc) {
}
