package com.obconsole.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlDialectTests {

	@Test
	void statusIsDerivedFromCommand() {
		assertThat(MySqlDialect.status("Sleep")).isEqualTo("SLEEP");
		assertThat(MySqlDialect.status("Query")).isEqualTo("ACTIVE");
		assertThat(MySqlDialect.status("Execute")).isEqualTo("ACTIVE");
		assertThat(MySqlDialect.status("Killed")).isEqualTo("KILLED");
		assertThat(MySqlDialect.status("Daemon")).isEqualTo("BACKGROUND");
		assertThat(MySqlDialect.status("Binlog Dump GTID")).isEqualTo("BACKGROUND");
	}

	@Test
	void oceanBaseWritesNoDatabaseAsTheStringNull() {
		assertThat(OceanBaseDialect.database("NULL")).isNull();
		assertThat(OceanBaseDialect.database("")).isNull();
		assertThat(OceanBaseDialect.database("orders")).isEqualTo("orders");
	}

}
