package com.obconsole.session;

import java.util.List;
import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session API against seekdb 1.4: only V$OB_PROCESSLIST, no SVR_IP or TENANT; the OBServer
 * column falls back to the target's own address.
 */
class Seekdb14SessionApiTests extends SessionApiEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.seekdb(SeekdbRelease.V1_4));
	}

	@Override
	LocalServer server() {
		return LocalEngines.seekdb(SeekdbRelease.V1_4);
	}

	@Override
	List<String> openTransactionStates() {
		return List.of("ACTIVE", "IMPLICIT_ACTIVE");
	}

	@Override
	void assertSqlIdentity(Map<String, Object> running) {
		assertThat((String) running.get("sqlId")).hasSize(32);
		assertThat(running.get("tenant")).isNull();
	}

}
