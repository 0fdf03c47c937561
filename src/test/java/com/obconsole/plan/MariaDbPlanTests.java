package com.obconsole.plan;

import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestSession;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The live plan on MariaDB 11.4: SHOW ANALYZE FOR, rows with the run's figures (r_rows). */
class MariaDbPlanTests extends PlanEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.mariadb());
	}

	@Override
	LocalServer server() {
		return LocalEngines.mariadb();
	}

	@Override
	void assertJoinPlan(Map<String, Object> plan) {
		assertThat(plan.get("source")).isEqualTo("ACTIVE");
		assertThat(rows(plan)).hasSize(2);
		assertThat(rows(plan)).extracting((r) -> r.get("table")).containsExactlyInAnyOrder("a", "b");
		assertThat(rows(plan).get(0)).containsEntry("select_type", "SIMPLE").containsKey("r_rows");
		assertThat((String) plan.get("text")).startsWith("+----+").contains("| select_type |", "| SIMPLE ", "r_rows");
		assertThat((String) plan.get("note")).contains("SHOW ANALYZE FOR " + this.running.idText());
	}

	@Test
	void aStatementWithoutAPlanIsSaidSo() throws Exception {
		// A bare SLEEP has no tables: MariaDB answers error 1933.
		this.running = TestSession.running(server(), "DO SLEEP(20)");
		Map<String, Object> plan = plan(this.running.idText());
		assertThat(plan.get("source")).isEqualTo("NONE");
		assertThat(plan.get("code")).isEqualTo("plan.none.notExplainable");
		assertThat((String) plan.get("message")).startsWith("Session " + this.running.idText() + " runs nothing the engine can explain now (error 1933");
	}

}
