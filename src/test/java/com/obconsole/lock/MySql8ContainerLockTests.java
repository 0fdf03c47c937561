package com.obconsole.lock;

import java.util.Map;

import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.MySql8Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row Lock Analysis on MySQL 8.4 (performance_schema.data_lock_waits with threads and data_locks),
 * in a container: extra coverage where Docker runs, skipped visibly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class MySql8ContainerLockTests extends LockEngineTests {

	@Container
	static final GenericContainer<?> MYSQL = MySql8Container.create();

	static final LocalServer SERVER = MySql8Container.server(MYSQL);

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, SERVER);
	}

	@Override
	LocalServer server() {
		return SERVER;
	}

	@Override
	String tenant() {
		return "default";
	}

	@Override
	void assertRowKey(Map<String, Object> lock) {
		assertThat(lock.get("rowKey")).isEqualTo("1");
		assertThat(lock.get("table").toString()).contains("console_test.lock_rows").contains("PRIMARY");
	}

}
