package com.obconsole.engine;

import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finds out, on a live connection, which engine and version a target runs and which tenant it is in. */
public final class EngineDetector {

	private EngineDetector() {
	}

	/**
	 * Detects the engine behind a target.
	 * @param jdbc a client on the target
	 * @param username the configured user name, a last resort for the tenant ({@code user@tenant#cluster})
	 * @return what was detected
	 */
	public static EngineInfo detect(JdbcClient jdbc, String username) {
		String[] row = jdbc.sql("SELECT @@version, @@version_comment")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		ServerVersion server = ServerVersion.parse(row[0], row[1]);
		if (!server.engine().isOceanBaseFamily()) {
			return new EngineInfo(server, row[0], row[1], null, null);
		}
		String tenant = ownTenant(jdbc).orElseGet(() -> tenantFromUsername(username));
		String mode = compatibilityMode(jdbc).orElse("MYSQL");
		return new EngineInfo(server, row[0], row[1], tenant, mode);
	}

	private static Optional<String> ownTenant(JdbcClient jdbc) {
		try {
			return jdbc.sql("""
					SELECT TENANT FROM oceanbase.GV$OB_PROCESSLIST WHERE ID = CONNECTION_ID()
					""").query(String.class).optional();
		}
		catch (DataAccessException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> compatibilityMode(JdbcClient jdbc) {
		try {
			return jdbc.sql("SHOW VARIABLES LIKE 'ob_compatibility_mode'")
				.query((rs, n) -> rs.getString(2))
				.optional();
		}
		catch (DataAccessException ex) {
			return Optional.empty();
		}
	}

	/** "root@sys#obcluster" → "sys"; "root" → {@code null}. */
	static String tenantFromUsername(String username) {
		if (username == null) {
			return null;
		}
		int at = username.indexOf('@');
		if (at < 0) {
			return null;
		}
		String rest = username.substring(at + 1);
		int hash = rest.indexOf('#');
		String tenant = (hash >= 0) ? rest.substring(0, hash) : rest;
		return tenant.isEmpty() ? null : tenant;
	}

}
