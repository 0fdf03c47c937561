package com.obconsole.audit;

import javax.sql.DataSource;

import com.obconsole.localengine.ConsoleDatabases;

/**
 * Fresh, empty console databases for store tests, migrated by the real Flyway scripts: H2 as the
 * console runs it by default, and real MySQL-compatible servers (MariaDB, and OceanBase's seekdb).
 */
enum AuditStores {

	H2(ConsoleDatabases.H2), MARIADB(ConsoleDatabases.MARIADB), SEEKDB(ConsoleDatabases.SEEKDB);

	private final ConsoleDatabases database;

	AuditStores(ConsoleDatabases database) {
		this.database = database;
	}

	/** A database with no tables yet. */
	DataSource empty() {
		return this.database.empty();
	}

	/** A database migrated to the console's schema. */
	DataSource migrated() {
		return this.database.migrated();
	}

}
