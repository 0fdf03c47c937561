package com.obconsole.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineDetectorTests {

	@Test
	void tenantFromOceanBaseUserNames() {
		assertThat(EngineDetector.tenantFromUsername("root@sys")).isEqualTo("sys");
		assertThat(EngineDetector.tenantFromUsername("app@mysql_tenant#obcluster")).isEqualTo("mysql_tenant");
		assertThat(EngineDetector.tenantFromUsername("root")).isNull();
		assertThat(EngineDetector.tenantFromUsername("root@")).isNull();
		assertThat(EngineDetector.tenantFromUsername(null)).isNull();
	}

}
