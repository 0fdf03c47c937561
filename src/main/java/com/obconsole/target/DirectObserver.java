package com.obconsole.target;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Runs one statement on an observer directly, past OBProxy, with the target's credentials: how a
 * KILL reaches a session whose id OBProxy does not know (reference section 3, as ODC does).
 */
public final class DirectObserver {

	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:\\[\\]-]{1,100}:[0-9]{1,5}");

	private DirectObserver() {
	}

	/**
	 * Runs a statement on the observer.
	 * @param target whose username (without {@code #cluster}) and password are used
	 * @param observer ip:port of the observer's SQL port, as GV$OB_PROCESSLIST gives it
	 * @param statement a statement the caller built from numbers only (a KILL)
	 */
	public static void execute(Target target, String observer, String statement, int connectTimeoutMillis)
			throws SQLException {
		if (!ADDRESS.matcher(observer).matches()) {
			throw new SQLException("not an observer address: " + observer);
		}
		Properties properties = new Properties();
		if (target.definition().username() != null) {
			properties.setProperty("user", withoutCluster(target.definition().username()));
		}
		if (target.definition().password() != null) {
			properties.setProperty("password", target.definition().password());
		}
		properties.setProperty("connectTimeout", String.valueOf(connectTimeoutMillis));
		properties.setProperty("socketTimeout", String.valueOf(Math.max(connectTimeoutMillis, 10_000)));
		properties.setProperty("allowPublicKeyRetrieval", "true");
		try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + observer + "/", properties);
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

	/** "root@mytenant#obcluster" → "root@mytenant": a direct connection names no cluster. */
	static String withoutCluster(String username) {
		int hash = username.indexOf('#');
		return (hash >= 0) ? username.substring(0, hash) : username;
	}

}
