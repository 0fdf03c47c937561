package com.obconsole.plan;

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
 * The live plan on MySQL 8.4 (EXPLAIN FOR CONNECTION), in a container: extra coverage where Docker
 * runs, skipped visibly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class MySql8ContainerPlanTests extends PlanEngineTests {

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
	void assertJoinPlan(Map<String, Object> plan) {
		assertThat(plan.get("source")).isEqualTo("ACTIVE");
		assertThat(rows(plan)).extracting((r) -> r.get("table")).containsExactlyInAnyOrder("a", "b");
		assertThat(rows(plan).get(0)).containsEntry("select_type", "SIMPLE");
		assertThat((String) plan.get("text")).contains("| select_type |");
		assertThat((String) plan.get("note")).contains("EXPLAIN FOR CONNECTION " + this.running.idText());
	}

}
