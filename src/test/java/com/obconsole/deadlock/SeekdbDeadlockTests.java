package com.obconsole.deadlock;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlock Analysis on seekdb 1.3: DBA_OB_DEADLOCK_EVENT_HISTORY, REPORT_TIME in µs, ROLE victim or
 * witness, VISITOR {txid:N} without a session id, OBJECT the row key.
 */
class SeekdbDeadlockTests extends DeadlockEngineTests {

	/** seekdb 1.3's default; with it a two-row deadlock went undetected for minutes. */
	static final String DEFAULT_INTERVAL = "5s";

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.seekdb(SeekdbRelease.V1_3));
	}

	@Override
	LocalServer server() {
		return LocalEngines.seekdb(SeekdbRelease.V1_3);
	}

	@Override
	String tenant() {
		return "sys";
	}

	@Override
	void detectDeadlocksFast(Statement admin) throws SQLException {
		admin.execute("ALTER SYSTEM SET _lcl_op_interval = '30ms'");
	}

	@Override
	void restore() throws Exception {
		try (var admin = server().connect(); Statement sql = admin.createStatement()) {
			sql.execute("ALTER SYSTEM SET _lcl_op_interval = '" + DEFAULT_INTERVAL + "'");
		}
	}

	@Override
	void assertEngine(Map<String, Object> history, Map<String, Object> event, List<Map<String, Object>> members) {
		assertThat(history.get("latestOnly")).isEqualTo(false);
		assertThat(history.get("source")).isEqualTo("oceanbase.DBA_OB_DEADLOCK_EVENT_HISTORY");
		assertThat(event.get("id")).isInstanceOf(String.class);
		assertThat(event.get("text")).isNull();
		Map<String, Object> victim = members.stream().filter((m) -> Boolean.TRUE.equals(m.get("rolledBack"))).findFirst()
			.orElseThrow();
		// The member marked victim is the one whose statement got the deadlock error.
		assertThat(victim.get("sql")).isEqualTo(this.victimSql);
		assertThat(victim.get("role")).isEqualTo("victim");
		assertThat(members).extracting((m) -> m.get("role")).containsExactlyInAnyOrder("victim", "witness");
		for (Map<String, Object> m : members) {
			// 1.3 writes VISITOR as {txid:N}: a transaction, no session.
			assertThat((String) m.get("transaction")).containsOnlyDigits();
			assertThat(m.get("sessionId")).isNull();
			assertThat((String) m.get("object")).startsWith("{\"INT\":");
		}
	}

}
