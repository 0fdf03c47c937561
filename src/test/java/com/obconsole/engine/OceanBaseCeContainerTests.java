package com.obconsole.engine;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oceanbase.OceanBaseCEContainer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine detection against a full OceanBase CE in Docker. Extra coverage: skipped, visibly, where
 * no Docker engine runs (as on our CI machines); the seekdb tests cover the same code there.
 */
@Testcontainers(disabledWithoutDocker = true)
class OceanBaseCeContainerTests {

	@Container
	static final OceanBaseCEContainer oceanbase = new OceanBaseCEContainer(
			"oceanbase/oceanbase-ce:4.2.1.8-108000022024072217");

	@Test
	void detectsOceanBaseCeAndTheTenant() {
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(oceanbase.getJdbcUrl(),
				oceanbase.getUsername(), oceanbase.getPassword()));
		EngineInfo info = EngineDetector.detect(jdbc, oceanbase.getUsername());
		assertThat(info.engine()).isEqualTo(Engine.OCEANBASE);
		assertThat(info.server().edition()).isEqualTo("CE");
		assertThat(info.server().version()).isEqualTo("4.2.1.8");
		assertThat(info.tenant()).isEqualTo("test");
		assertThat(info.mode()).isEqualTo("MYSQL");
	}

	@Test
	void aSessionIsReReadOnItsObserverOnlyAndNotFoundOnAnother() {
		// One connection for every statement: the session read again is this very one.
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(oceanbase.getJdbcUrl(),
				oceanbase.getUsername(), oceanbase.getPassword(), true));
		OceanBaseDialect dialect = OceanBaseDialect.discover(jdbc, oceanbase.getHost() + ":" + oceanbase.getMappedPort(2881));
		long id = jdbc.sql("SELECT CONNECTION_ID()").query(Long.class).single();
		Session self = dialect.session(jdbc, id).orElseThrow();
		assertThat(dialect.sessionOnObserverSql()).contains("p.SVR_IP = :ip AND p.SQL_PORT = :port");
		assertThat(dialect.session(jdbc, id, self.observer())).hasValueSatisfying((s) -> assertThat(s.id()).isEqualTo(id));
		assertThat(dialect.session(jdbc, id, "10.255.255.1:2881")).isEmpty();
	}

}
