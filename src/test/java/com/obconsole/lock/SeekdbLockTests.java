package com.obconsole.lock;

import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Row Lock Analysis on seekdb 1.3: GV$OB_LOCKS with SESSION_ID, the holder in ID2, the row in ID3. */
class SeekdbLockTests extends LockEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.seekdb(SeekdbRelease.V1_3));
	}

	@Override
	LocalServer server() {
		return LocalEngines.seekdb(SeekdbRelease.V1_3);
	}

	@Override
	void assertRowKey(Map<String, Object> lock) {
		// seekdb 1.3 writes the key as {"INT":1}.
		assertThat(lock.get("rowKey").toString()).contains("1");
		assertThat(lock.get("holderTransaction")).isNotNull();
	}

	@Override
	String tenant() {
		return "sys";
	}

}
