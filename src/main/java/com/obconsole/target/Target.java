package com.obconsole.target;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A configured target and its connection pool.
 *
 * @param name the configured name
 * @param definition what was configured
 * @param address host:port the URL points at, for messages
 * @param dataSource the target's pool
 * @param jdbc a client on the pool, with the query timeout applied
 */
public record Target(String name, TargetProperties.Definition definition, String address, DataSource dataSource,
		JdbcClient jdbc) {
}
