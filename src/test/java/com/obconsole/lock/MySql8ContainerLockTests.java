package com.obconsole.lock;

import java.util.Map;

import com.obconsole.localengine.LocalServer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
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

	static final String PASSWORD = "root-pw";

	@Container
	static final GenericContainer<?> MYSQL = new GenericContainer<>("mysql:8.4")
		.withEnv("MYSQL_ROOT_PASSWORD", PASSWORD)
		.withExposedPorts(3306)
		.waitingFor(Wait.forLogMessage(".*ready for connections.*port: 3306.*", 1));

	static final LocalServer SERVER = new LocalServer() {

		@Override
		public String name() {
			return "MySQL 8.4 (container)";
		}

		@Override
		public int port() {
			return MYSQL.getMappedPort(3306);
		}

		@Override
		public String jdbcUrl() {
			return "jdbc:mysql://" + MYSQL.getHost() + ":" + port() + "/?useSSL=false&allowPublicKeyRetrieval=true";
		}

		@Override
		public String username() {
			return "root";
		}

		@Override
		public String password() {
			return PASSWORD;
		}

		@Override
		public boolean isRunning() {
			return MYSQL.isRunning();
		}

		@Override
		public void close() {
			// The container is Testcontainers' to stop.
		}

	};

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
