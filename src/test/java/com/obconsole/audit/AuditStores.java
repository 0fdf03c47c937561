package com.obconsole.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh, empty console databases for store tests, migrated by the real Flyway scripts: H2 as the
 * console runs it by default, and real MySQL-compatible servers (MariaDB, and OceanBase's seekdb).
 */
enum AuditStores {

	H2(() -> new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID()
			+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "")),

	MARIADB(() -> freshDatabaseOn(LocalEngines.mariadb())),

	SEEKDB(() -> freshDatabaseOn(LocalEngines.seekdb()));

	private final Supplier<DataSource> empty;

	AuditStores(Supplier<DataSource> empty) {
		this.empty = empty;
	}

	/** A database with no tables yet. */
	DataSource empty() {
		return this.empty.get();
	}

	/** A database migrated to the console's schema. */
	DataSource migrated() {
		DataSource dataSource = empty();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

	private static DataSource freshDatabaseOn(LocalServer server) {
		String database = "audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create a database on " + server.name(), ex);
		}
		String url = server.jdbcUrl().replace("/?", "/" + database + "?");
		return new DriverManagerDataSource(url, server.username(), server.password());
	}

}
