package com.obconsole.localengine;

import java.util.List;

/**
 * A seekdb wheel on PyPI that ships a standalone server binary, and the start-up parameters it
 * understands.
 *
 * @param pythonPackage the PyPI package (also the wheel's folder holding the binary)
 * @param version the pinned version
 * @param parameters {@code --parameter} values for the first start
 */
public record SeekdbRelease(String pythonPackage, String version, List<String> parameters) {

	/**
	 * seekdb 1.3 (OceanBase 4.3.5.3 code base), as the {@code pylibseekdb} wheel ships it. It has
	 * GV$OB_PROCESSLIST with TENANT, SVR_IP, SQL_PORT and PROXY_SESSID, server session ids above 2^31,
	 * and working DBMS_MONITOR session tracing: the closest to an OceanBase 4.x tenant that runs here.
	 */
	public static final SeekdbRelease V1_3 = new SeekdbRelease("pylibseekdb", "1.3.0.post5",
			List.of("memory_limit=2G", "log_disk_size=2G", "datafile_size=64M", "syslog_level=WARN"));

	/**
	 * seekdb 1.4, the newest on PyPI (package {@code seekdb}). It has only V$OB_PROCESSLIST (no
	 * TENANT, SVR_IP or PROXY_SESSID), small session ids, and DBMS_MONITOR stubbed to error 1235.
	 * It ignores memory_limit and sizes itself by memory_budget.
	 */
	public static final SeekdbRelease V1_4 = new SeekdbRelease("seekdb", "1.4.0.dev2",
			List.of("memory_budget=1G", "log_disk_size=2G", "datafile_size=64M", "syslog_level=WARN"));

	/** The release the tests and the demo use unless {@code SEEKDB_RELEASE=1.4} says otherwise. */
	public static SeekdbRelease standard() {
		return "1.4".equals(System.getenv("SEEKDB_RELEASE")) ? V1_4 : V1_3;
	}

	/** What pip is asked for. */
	String requirement() {
		return this.pythonPackage + "==" + this.version;
	}

}
