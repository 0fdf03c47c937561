package com.obconsole.lock;

import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Row Lock Analysis on MariaDB: INNODB_LOCK_WAITS with INNODB_TRX and INNODB_LOCKS. */
class MariaDbLockTests extends LockEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.mariadb());
	}

	@Override
	LocalServer server() {
		return LocalEngines.mariadb();
	}

	@Override
	void assertRowKey(Map<String, Object> lock) {
		// INNODB_LOCKS.lock_data is the primary key value.
		assertThat(lock.get("rowKey")).isEqualTo("1");
		assertThat(lock.get("table").toString()).contains("console_test.lock_rows").contains("PRIMARY");
	}

	@Override
	String tenant() {
		return "default";
	}

}
