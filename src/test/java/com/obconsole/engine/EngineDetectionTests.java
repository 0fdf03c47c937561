package com.obconsole.engine;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Engine detection against the real local engines. */
class EngineDetectionTests {

	@Test
	void seekdb13() {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		EngineInfo info = EngineDetector.detect(jdbc(seekdb), seekdb.username());
		assertThat(info.engine()).isEqualTo(Engine.SEEKDB);
		assertThat(info.server().version()).isEqualTo(LocalEngines.seekdbVersion(SeekdbRelease.V1_3));
		assertThat(info.server().edition()).isNull();
		// seekdb is built on the OceanBase 4.3.5 code base; features are gated on that.
		assertThat(info.server().oceanBaseVersion()).startsWith("4.3.");
		assertThat(info.server().isOceanBaseAtLeast("4.2.1")).isTrue();
		// 1.3 runs everything in the sys tenant, and says so in GV$OB_PROCESSLIST.TENANT.
		assertThat(info.tenant()).isEqualTo("sys");
		assertThat(info.mode()).isEqualTo("MYSQL");
		assertThat(info.versionText()).contains("seekdb");
	}

	@Test
	void seekdb14() {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_4);
		EngineInfo info = EngineDetector.detect(jdbc(seekdb), seekdb.username());
		assertThat(info.engine()).isEqualTo(Engine.SEEKDB);
		assertThat(info.server().version()).isEqualTo(LocalEngines.seekdbVersion(SeekdbRelease.V1_4));
		assertThat(info.server().oceanBaseVersion()).startsWith("4.3.");
		// 1.4 has no tenants left to see: no GV$OB_PROCESSLIST, no TENANT column.
		assertThat(info.tenant()).isNull();
	}

	@Test
	void mariadb() {
		LocalServer mariadb = LocalEngines.mariadb();
		EngineInfo info = EngineDetector.detect(jdbc(mariadb), mariadb.username());
		assertThat(info.engine()).isEqualTo(Engine.MARIADB);
		assertThat(info.server().version()).isEqualTo(LocalEngines.mariadbVersion());
		assertThat(info.server().oceanBaseVersion()).isNull();
		assertThat(info.tenant()).isNull();
		assertThat(info.mode()).isNull();
	}

	private static JdbcClient jdbc(LocalServer server) {
		return JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password()));
	}

}
