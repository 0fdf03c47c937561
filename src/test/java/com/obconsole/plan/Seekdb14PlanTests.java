package com.obconsole.plan;

import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live plan on seekdb 1.4, which has no DBMS_XPLAN.DISPLAY_ACTIVE_SESSION_PLAN (error 1054):
 * the cached plan, by the session's plan_id, from __all_virtual_plan_cache_plan_explain.
 */
class Seekdb14PlanTests extends PlanEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.seekdb(SeekdbRelease.V1_4));
	}

	@Override
	LocalServer server() {
		return LocalEngines.seekdb(SeekdbRelease.V1_4);
	}

	@Override
	void assertJoinPlan(Map<String, Object> plan) {
		assertThat(plan.get("source")).isEqualTo("CACHED");
		assertThat((String) plan.get("text")).contains("| ID ", "| OPERATOR ", "PHY_HASH_JOIN", "PHY_TABLE_SCAN");
		assertThat(rows(plan)).extracting((r) -> r.get("NAME")).contains("a", "b");
		assertThat(rows(plan).get(0).get("OPERATOR")).isEqualTo("PHY_HASH_JOIN");
		// Indented by depth, as the engine writes it.
		assertThat(rows(plan).get(1).get("OPERATOR").toString()).startsWith(" PHY_");
		assertThat((String) plan.get("note")).contains("__all_virtual_plan_cache_plan_explain");
	}

}
