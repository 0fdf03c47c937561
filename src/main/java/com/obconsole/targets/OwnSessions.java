package com.obconsole.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Remembers the server session ids of the console's own connections to a target, so that the
 * console never closes them: a DBA who kills the console's connection loses the console.
 */
public final class OwnSessions extends DelegatingDataSource {

	private final Map<JdbcConnection, Boolean> physical = Collections.synchronizedMap(new WeakHashMap<>());

	OwnSessions(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return remember(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return remember(super.getConnection(username, password));
	}

	private Connection remember(Connection connection) throws SQLException {
		if (connection.isWrapperFor(JdbcConnection.class)) {
			this.physical.put(connection.unwrap(JdbcConnection.class), Boolean.TRUE);
		}
		return connection;
	}

	/** Closes the pool's idle connections; those in use are closed when they come back. */
	void evictIdle() {
		if (getTargetDataSource() instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
			pool.getHikariPoolMXBean().softEvictConnections();
		}
	}

	/** The server thread ids of the console's open connections to this target. */
	public Set<Long> ids() {
		synchronized (this.physical) {
			return this.physical.keySet()
				.stream()
				.filter(OwnSessions::isOpen)
				.map(JdbcConnection::getId)
				.collect(Collectors.toUnmodifiableSet());
		}
	}

	private static boolean isOpen(JdbcConnection connection) {
		try {
			return !connection.isClosed();
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
