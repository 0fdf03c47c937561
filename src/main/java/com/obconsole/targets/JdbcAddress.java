package com.obconsole.targets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the first host and port out of a MySQL-style JDBC URL, for messages a DBA can act on. */
final class JdbcAddress {

	private static final Pattern HOST_PORT = Pattern
		.compile("^jdbc:[a-z]+(?::[a-z]+)?://(?:[^@/]*@)?(\\[[^\\]]+\\]|[^:/,?]+)(?::(\\d+))?");

	private JdbcAddress() {
	}

	/** "jdbc:mysql://10.0.0.5:2881/oceanbase" → "10.0.0.5:2881"; a missing port is MySQL's 3306. */
	static String of(String url) {
		Matcher m = HOST_PORT.matcher(url);
		if (!m.find()) {
			return url;
		}
		String port = (m.group(2) != null) ? m.group(2) : "3306";
		return m.group(1) + ":" + port;
	}

}
