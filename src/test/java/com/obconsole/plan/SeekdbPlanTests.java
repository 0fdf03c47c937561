package com.obconsole.plan;

import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The live plan on seekdb 1.3: DBMS_XPLAN.DISPLAY_ACTIVE_SESSION_PLAN, text with real line breaks. */
class SeekdbPlanTests extends PlanEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.seekdb(SeekdbRelease.V1_3));
	}

	@Override
	LocalServer server() {
		return LocalEngines.seekdb(SeekdbRelease.V1_3);
	}

	@Override
	void assertJoinPlan(Map<String, Object> plan) {
		assertThat(plan.get("source")).isEqualTo("ACTIVE");
		String text = (String) plan.get("text");
		assertThat(text).contains("|ID|OPERATOR", "REAL.ROWS", "HASH JOIN", "TABLE FULL SCAN", "Outputs & filters");
		// Lines, not the two characters backslash and n.
		assertThat(text.lines().count()).isGreaterThan(5);
		assertThat(text).doesNotContain("\\n");
		// The filter's literal is in the plan: the tab must show it as text.
		assertThat(text).contains(HOSTILE);
		assertThat(plan.get("rows")).isNull();
		assertThat((String) plan.get("sqlId")).hasSize(32);
		assertThat(plan.get("route")).isEqualTo("TARGET");
	}

}
