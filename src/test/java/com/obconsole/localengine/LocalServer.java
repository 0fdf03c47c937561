package com.obconsole.localengine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database server that the tests (or the demo) started on this machine and own. */
public interface LocalServer extends AutoCloseable {

	/** A short name for messages: "seekdb", "MariaDB". */
	String name();

	int port();

	/** JDBC URL with no default database. */
	default String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + port() + "/?useSSL=false&allowPublicKeyRetrieval=true";
	}

	/** An administrator that may see and kill every session. */
	String username();

	String password();

	/** A new connection as the administrator; the caller closes it. */
	default Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), username(), password());
	}

	/**
	 * Lets a connection run a statement for as long as it takes; OceanBase cancels any statement
	 * after {@code ob_query_timeout}, 10 s by default, MySQL and MariaDB set no such limit.
	 */
	default void allowLongStatements(Connection connection) throws SQLException {
	}

	/**
	 * Lets a connection keep a transaction open, or wait for a lock, for a day: OceanBase rolls a
	 * transaction back after {@code ob_trx_timeout}, 100 s by default. For the demo, which runs for
	 * as long as its user looks.
	 */
	default void allowLongTransactions(Connection connection) throws SQLException {
	}

	/** Whether the server process is still alive. */
	boolean isRunning();

	@Override
	void close();

}
