package com.obconsole.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server says it is, parsed from {@code @@version} and {@code @@version_comment}.
 *
 * @param engine the engine
 * @param edition "CE" or "Enterprise" for OceanBase, otherwise {@code null}
 * @param version the product version (seekdb's own version for seekdb)
 * @param oceanBaseVersion the OceanBase code-base version for OceanBase and seekdb (what features
 * depend on), otherwise {@code null}
 */
public record ServerVersion(Engine engine, String edition, String version, String oceanBaseVersion) {

	// "5.7.25-OceanBase_CE-v4.2.1.8", "5.7.25-OceanBase-v4.2.1.2", "5.7.25-OceanBase seekdb-v1.4.0.0"
	private static final Pattern OB_VERSION = Pattern.compile("-v(\\d+(?:\\.\\d+)*)");

	// "OceanBase_CE 4.2.1.8 (r108...)", "OceanBase 4.3.5.3 seekdb (r1.4.0.0) (Built ...)"
	private static final Pattern OB_COMMENT = Pattern.compile("^OceanBase\\S*\\s+(\\d+(?:\\.\\d+)*)");

	private static final Pattern LEADING_NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)*)");

	/**
	 * Parses what a MySQL-protocol server reports about itself.
	 * @param version {@code @@version}
	 * @param versionComment {@code @@version_comment}, may be {@code null}
	 * @return the parsed version, never {@code null}
	 */
	public static ServerVersion parse(String version, String versionComment) {
		String v = (version != null) ? version.trim() : "";
		String comment = (versionComment != null) ? versionComment.trim() : "";
		String lower = v.toLowerCase(Locale.ROOT);
		if (lower.contains("oceanbase") || comment.toLowerCase(Locale.ROOT).startsWith("oceanbase")) {
			return parseOceanBase(v, comment);
		}
		if (lower.contains("mariadb")) {
			// A replication-era prefix "5.5.5-" may precede the real version.
			String real = v.startsWith("5.5.5-") ? v.substring(6) : v;
			return new ServerVersion(Engine.MARIADB, null, leadingNumber(real), null);
		}
		return new ServerVersion(Engine.MYSQL, null, leadingNumber(v), null);
	}

	private static ServerVersion parseOceanBase(String version, String comment) {
		Matcher fromVersion = OB_VERSION.matcher(version);
		String product = fromVersion.find() ? fromVersion.group(1) : null;
		Matcher fromComment = OB_COMMENT.matcher(comment);
		String codeBase = fromComment.find() ? fromComment.group(1) : null;
		boolean seekdb = (version + " " + comment).toLowerCase(Locale.ROOT).contains("seekdb");
		if (seekdb) {
			return new ServerVersion(Engine.SEEKDB, null, product, codeBase);
		}
		String edition = (version.contains("OceanBase_CE") || comment.startsWith("OceanBase_CE")) ? "CE"
				: "Enterprise";
		String obVersion = (product != null) ? product : codeBase;
		return new ServerVersion(Engine.OCEANBASE, edition, obVersion, obVersion);
	}

	private static String leadingNumber(String text) {
		Matcher m = LEADING_NUMBER.matcher(text);
		return m.find() ? m.group(1) : text;
	}

	/** How a DBA names it: "OceanBase CE 4.2.1.8", "seekdb 1.4.0.0", "MariaDB 11.4.5". */
	public String displayName() {
		StringBuilder name = new StringBuilder(this.engine.displayName());
		if (this.edition != null) {
			name.append(' ').append(this.edition);
		}
		if (this.version != null && !this.version.isEmpty()) {
			name.append(' ').append(this.version);
		}
		return name.toString();
	}

	/**
	 * Whether the OceanBase code-base version is at least the given one.
	 * @param minimum a dotted version such as "4.2.1"
	 * @return {@code false} for engines outside the OceanBase family
	 */
	public boolean isOceanBaseAtLeast(String minimum) {
		return this.oceanBaseVersion != null && compare(this.oceanBaseVersion, minimum) >= 0;
	}

	static int compare(String left, String right) {
		String[] a = left.split("\\.");
		String[] b = right.split("\\.");
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int x = (i < a.length) ? Integer.parseInt(a[i]) : 0;
			int y = (i < b.length) ? Integer.parseInt(b[i]) : 0;
			if (x != y) {
				return Integer.compare(x, y);
			}
		}
		return 0;
	}

}
