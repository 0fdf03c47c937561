package com.obconsole.session;

import java.math.BigDecimal;

import com.obconsole.engine.Session;
import com.obconsole.engine.TraceSetting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaleCheckTests {

	static Session running(String sql, String sqlId, String traceId) {
		return new Session(3221487622L, sql, sqlId, "app", "10.1.1.1:5000", "orders", sql != null ? "Query" : "Sleep",
				BigDecimal.ONE, sql != null ? "ACTIVE" : "SLEEP", "10.0.0.1:2881", null, null, null, traceId, "t1",
				TraceSetting.NONE);
	}

	final Session report = running("SELECT * FROM big", "AAA", "YB1-1");

	@Test
	void theSameRequestPasses() {
		assertThat(StaleCheck.differences(SeenSession.of(this.report), this.report)).isEmpty();
		assertThat(StaleCheck.differences(SeenSession.NOTHING, this.report)).isEmpty();
	}

	@Test
	void otherSqlIdTextOrTraceIdIsRefused() {
		SeenSession seen = SeenSession.of(this.report);
		assertThat(StaleCheck.differences(seen, running("SELECT * FROM big", "BBB", "YB1-1"))).isPresent();
		assertThat(StaleCheck.differences(seen, running("DELETE FROM big", "AAA", "YB1-1"))).isPresent();
		assertThat(StaleCheck.differences(seen, running("SELECT * FROM big", "AAA", "YB1-2")))
			.hasValueSatisfying((why) -> {
				assertThat(why.code()).isEqualTo("close.stale.sql");
				assertThat(why.arguments()).contains("SELECT * FROM big");
			});
	}

	@Test
	void aSessionSeenIdleThatNowRunsSomethingIsRefused() {
		SeenSession seenIdle = SeenSession.of(running(null, null, null));
		assertThat(StaleCheck.differences(seenIdle, this.report)).isPresent();
	}

	@Test
	void aSessionWhoseQueryFinishedIsStillTheSameSession() {
		assertThat(StaleCheck.differences(SeenSession.of(this.report), running(null, null, null))).isEmpty();
	}

	@Test
	void anIdReusedByAnotherClientOrObserverIsRefused() {
		SeenSession seen = SeenSession.of(this.report);
		Session otherClient = new Session(3221487622L, "SELECT * FROM big", "AAA", "app", "10.9.9.9:1234", "orders",
				"Query", BigDecimal.ONE, "ACTIVE", "10.0.0.1:2881", null, null, null, "YB1-1", "t1", TraceSetting.NONE);
		assertThat(StaleCheck.differences(seen, otherClient)).hasValueSatisfying((why) -> assertThat(why.code()).isEqualTo("close.stale.reused"));
		Session otherObserver = new Session(3221487622L, "SELECT * FROM big", "AAA", "app", "10.1.1.1:5000", "orders",
				"Query", BigDecimal.ONE, "ACTIVE", "10.0.0.2:2881", null, null, null, "YB1-1", "t1", TraceSetting.NONE);
		assertThat(StaleCheck.differences(seen, otherObserver)).isPresent();
	}

	@Test
	void anApiCallerThatSentOnlyTheObserverIsNotAskedAboutSql() {
		SeenSession observerOnly = new SeenSession("10.0.0.1:2881", null, null, null, null, null);
		assertThat(StaleCheck.differences(observerOnly, this.report)).isEmpty();
	}

}
