package com.obconsole.engine;

/** The database engines the console knows how to read and act on. */
public enum Engine {

	OCEANBASE("OceanBase"), SEEKDB("seekdb"), MYSQL("MySQL"), MARIADB("MariaDB");

	private final String displayName;

	Engine(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return this.displayName;
	}

	/** OceanBase and seekdb share the OceanBase code base, its views and its KILL. */
	public boolean isOceanBaseFamily() {
		return this == OCEANBASE || this == SEEKDB;
	}

}
