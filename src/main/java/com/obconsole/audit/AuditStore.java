package com.obconsole.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each kind of console database needs so that a committed audit record survives a crash of
 * the console (SIGKILL) and of the machine. H2 keeps commits in memory for up to half a second by
 * default, so every audit write there ends with {@code CHECKPOINT SYNC}, which writes and fsyncs
 * the file. MySQL and MariaDB (InnoDB) and OceanBase make a commit durable by themselves, unless
 * InnoDB is told not to: the console says so at start-up.
 */
enum AuditStore {

	H2("CHECKPOINT SYNC"),

	MYSQL(null);

	private static final Logger log = LoggerFactory.getLogger(AuditStore.class);

	private final String afterWrite;

	AuditStore(String afterWrite) {
		this.afterWrite = afterWrite;
	}

	static AuditStore of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			return product.toUpperCase(Locale.ROOT).contains("H2") ? H2 : MYSQL;
		}
		catch (SQLException ex) {
			// Not reachable now: assume the MySQL family, and let the first write say what is wrong.
			log.warn("Could not read which database holds the audit trail: {}", ex.getMessage());
			return MYSQL;
		}
	}

	/** Makes what was just committed durable, where the store does not do so on commit. */
	void afterWrite(JdbcClient jdbc) {
		if (this.afterWrite != null) {
			jdbc.sql(this.afterWrite).update();
		}
	}

	/** Warns when InnoDB is set to lose commits on a crash; other engines answer nothing here. */
	void checkDurability(JdbcClient jdbc) {
		if (this != MYSQL) {
			return;
		}
		try {
			String flush = jdbc.sql("SELECT @@innodb_flush_log_at_trx_commit").query(String.class).single();
			if (!"1".equals(flush)) {
				log.warn("The audit trail's database has innodb_flush_log_at_trx_commit={}: a crash of that server "
						+ "can lose audit records it acknowledged. Set it to 1.", flush);
			}
		}
		catch (RuntimeException ex) {
			log.debug("No innodb_flush_log_at_trx_commit here (not InnoDB): {}", ex.getMessage());
		}
	}

}
