package com.obconsole.deadlock;

import java.util.List;
import java.util.Map;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestSession;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlock Analysis on MariaDB: the LATEST DETECTED DEADLOCK of SHOW ENGINE INNODB STATUS, the latest only. */
class MariaDbDeadlockTests extends DeadlockEngineTests {

	String idA;

	String idB;

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.mariadb());
	}

	@Override
	LocalServer server() {
		return LocalEngines.mariadb();
	}

	@Override
	String tenant() {
		return "default";
	}

	@Override
	void sessions(TestSession a, TestSession b) {
		this.idA = a.idText();
		this.idB = b.idText();
	}

	@Override
	void assertEngine(Map<String, Object> history, Map<String, Object> event, List<Map<String, Object>> members) {
		assertThat(history.get("latestOnly")).isEqualTo(true);
		assertThat(history.get("total")).isEqualTo(1);
		assertThat(history.get("source")).isEqualTo("SHOW ENGINE INNODB STATUS");
		assertThat(event.get("id")).isNull();
		assertThat(history.get("hasMore")).isEqualTo(false);
		String text = (String) event.get("text");
		assertThat(text).contains("*** (1) TRANSACTION:", "*** (2) TRANSACTION:", "WE ROLL BACK TRANSACTION",
				"<script>alert(1)</script>");
		assertThat(members).extracting((m) -> m.get("sessionId")).containsExactlyInAnyOrder(this.idA, this.idB);
		for (Map<String, Object> m : members) {
			assertThat((String) m.get("object")).isEqualTo("console_test.deadlock_rows (PRIMARY)");
			assertThat((String) m.get("transaction")).containsOnlyDigits();
		}
		Map<String, Object> flagged = members.stream().filter((m) -> Boolean.TRUE.equals(m.get("rolledBack")))
			.findFirst()
			.orElseThrow();
		System.out.println("MariaDB: the text rolls back the member running " + flagged.get("sql")
				+ "; the statement that got the error: " + this.victimSql);
	}

}
