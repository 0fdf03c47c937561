package com.obconsole.session;

import java.util.List;
import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The session API against MariaDB 11.4: information_schema.PROCESSLIST joined with INNODB_TRX. */
class MariaDbSessionApiTests extends SessionApiEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.mariadb());
	}

	@Override
	LocalServer server() {
		return LocalEngines.mariadb();
	}

	@Override
	List<String> openTransactionStates() {
		return List.of("RUNNING");
	}

	@Override
	void assertSqlIdentity(Map<String, Object> running) {
		assertThat(running.get("sqlId")).isNull();
		assertThat(running.get("traceId")).isNull();
		assertThat(running.get("tenant")).isNull();
	}

}
