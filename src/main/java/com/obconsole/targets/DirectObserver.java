package com.obconsole.targets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Runs statements on one observer directly, past OBProxy: how a KILL reaches a session whose id
 * OBProxy does not know (reference section 3, as ODC does), and how DBMS_MONITOR reaches the
 * observer that holds the session (section 4), as DBMS_XPLAN's active plan does (section 9.7).
 */
public final class DirectObserver {

	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:\\[\\]-]{1,100}:[0-9]{1,5}");

	private DirectObserver() {
	}

	/**
	 * Connects to the observer, runs the work on that one connection, and closes it.
	 * @param username the user; a {@code #cluster} suffix is dropped (a direct connection names none)
	 * @param observer ip:port of the observer's SQL port, as GV$OB_PROCESSLIST gives it
	 */
	public static void run(String username, String password, String observer, int connectTimeoutMillis,
			Consumer<JdbcClient> work) throws SQLException {
		run(username, password, observer, connectTimeoutMillis, 0, work);
	}

	/**
	 * As {@link #run(String, String, String, int, Consumer)}, with each statement limited to the
	 * query timeout (0: none), as the target's pool limits its own: a read must not hang a page.
	 */
	public static void run(String username, String password, String observer, int connectTimeoutMillis,
			int queryTimeoutSeconds, Consumer<JdbcClient> work) throws SQLException {
		if (!ADDRESS.matcher(observer).matches()) {
			throw new SQLException("not an observer address: " + observer);
		}
		Properties properties = new Properties();
		if (username != null) {
			properties.setProperty("user", withoutCluster(username));
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", String.valueOf(connectTimeoutMillis));
		// The socket outlasts the query timeout, so that the driver's cancel answers first.
		properties.setProperty("socketTimeout",
				String.valueOf(Math.max(Math.max(connectTimeoutMillis, 10_000), queryTimeoutSeconds * 1000 + 5_000)));
		properties.setProperty("allowPublicKeyRetrieval", "true");
		try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + observer + "/", properties)) {
			JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			template.setQueryTimeout(queryTimeoutSeconds);
			work.accept(JdbcClient.create(template));
		}
		catch (DataAccessException ex) {
			// Callers decide on the engine's error code, as for their own connection's errors.
			for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
				if (t instanceof SQLException sql) {
					throw sql;
				}
			}
			throw ex;
		}
	}

	/** Runs one statement, built by the caller from numbers only (a KILL), with the target's credentials. */
	public static void execute(Target target, String observer, String statement, int connectTimeoutMillis)
			throws SQLException {
		run(target.definition().username(), target.definition().password(), observer, connectTimeoutMillis,
				(jdbc) -> jdbc.sql(statement).update());
	}

	/** "root@mytenant#obcluster" → "root@mytenant". */
	static String withoutCluster(String username) {
		int hash = username.indexOf('#');
		return (hash >= 0) ? username.substring(0, hash) : username;
	}

}
