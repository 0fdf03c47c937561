package com.obconsole.session;

import java.util.List;
import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The session API against seekdb 1.3: GV$OB_PROCESSLIST with SVR_IP, SQL_ID, TRACE_ID, TRANS_STATE. */
class SeekdbSessionApiTests extends SessionApiEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.seekdb(SeekdbRelease.V1_3));
	}

	@Override
	LocalServer server() {
		return LocalEngines.seekdb(SeekdbRelease.V1_3);
	}

	@Override
	List<String> openTransactionStates() {
		return List.of("ACTIVE", "IMPLICIT_ACTIVE");
	}

	@Override
	void assertSqlIdentity(Map<String, Object> running) {
		assertThat((String) running.get("sqlId")).hasSize(32);
		assertThat((String) running.get("traceId")).isNotBlank();
		assertThat(running.get("tenant")).isEqualTo("sys");
	}

}
