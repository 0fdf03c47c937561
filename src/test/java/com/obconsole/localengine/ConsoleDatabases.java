package com.obconsole.localengine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh console databases migrated by the real Flyway scripts, on the three engines the console's
 * own store is tested on: H2 as it runs by default, MariaDB and seekdb (OceanBase's engine).
 */
public enum ConsoleDatabases {

	H2, MARIADB, SEEKDB;

	/** A new database on this engine with no tables yet. */
	public DataSource empty() {
		return new DriverManagerDataSource(url(), username(), password());
	}

	/** A new, empty database on this engine, migrated to the console's schema. */
	public DataSource migrated() {
		DataSource dataSource = empty();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

	/** A new, empty database's JDBC URL, user and password, for a console started with them. */
	public Connect fresh() {
		return new Connect(url(), username(), password());
	}

	private String url() {
		return switch (this) {
			case H2 -> "jdbc:h2:mem:console-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
			case MARIADB -> freshDatabaseOn(LocalEngines.mariadb());
			case SEEKDB -> freshDatabaseOn(LocalEngines.seekdb());
		};
	}

	private LocalServer server() {
		return switch (this) {
			case H2 -> null;
			case MARIADB -> LocalEngines.mariadb();
			case SEEKDB -> LocalEngines.seekdb();
		};
	}

	private String username() {
		return (server() != null) ? server().username() : "sa";
	}

	private String password() {
		return (server() != null) ? server().password() : "";
	}

	private static String freshDatabaseOn(LocalServer server) {
		String database = "console_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create a database on " + server.name(), ex);
		}
		return server.jdbcUrl().replace("/?", "/" + database + "?");
	}

	/** Where a console finds its database. */
	public record Connect(String url, String username, String password) {
	}

}
