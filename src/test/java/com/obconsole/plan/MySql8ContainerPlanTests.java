package com.obconsole.plan;

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
 * The live plan on MySQL 8.4 (EXPLAIN FOR CONNECTION), in a container: extra coverage where Docker
 * runs, skipped visibly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class MySql8ContainerPlanTests extends PlanEngineTests {

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
	void assertJoinPlan(Map<String, Object> plan) {
		assertThat(plan.get("source")).isEqualTo("ACTIVE");
		assertThat(rows(plan)).extracting((r) -> r.get("table")).containsExactlyInAnyOrder("a", "b");
		assertThat(rows(plan).get(0)).containsEntry("select_type", "SIMPLE");
		assertThat((String) plan.get("text")).contains("| select_type |");
		assertThat((String) plan.get("note")).contains("EXPLAIN FOR CONNECTION " + this.running.idText());
	}

}
