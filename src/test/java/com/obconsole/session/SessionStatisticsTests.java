package com.obconsole.session;

import java.util.List;

import com.obconsole.engine.Session;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionStatisticsTests {

	final List<Session> sessions = List.of(SessionQueryTests.session(1, "app", "10.1.1.1:5000", "orders", "ACTIVE", 3),
			SessionQueryTests.session(2, "app", "10.1.1.1:5001", "orders", "SLEEP", 9),
			SessionQueryTests.session(3, "batch", "10.1.1.2:7000", null, "ACTIVE", 40),
			SessionQueryTests.session(4, "batch", "10.1.1.2:7001", null, "ACTIVE", 2),
			SessionQueryTests.session(5, "report", "[::1]:7001", "dw", "SLEEP", 2));

	@Test
	void countsActiveAndTotalByUserSourceHostAndDatabase() {
		SessionStatistics stats = SessionStatistics.of(this.sessions, null);
		assertThat(stats.figures()).isEqualTo(new SessionFigures(5, 3, new java.math.BigDecimal("40.0")));
		assertThat(stats.byUser()).containsExactly(new SessionStatistics.Group("batch", 2, 2),
				new SessionStatistics.Group("app", 1, 2), new SessionStatistics.Group("report", 0, 1));
		assertThat(stats.bySource()).containsExactly(new SessionStatistics.Group("10.1.1.2", 2, 2),
				new SessionStatistics.Group("10.1.1.1", 1, 2), new SessionStatistics.Group("[::1]", 0, 1));
		assertThat(stats.byDatabase()).containsExactly(new SessionStatistics.Group(null, 2, 2),
				new SessionStatistics.Group("orders", 1, 2), new SessionStatistics.Group("dw", 0, 1));
	}

	@Test
	void sortsByTotalOrName() {
		assertThat(SessionStatistics.of(this.sessions, "name").byUser()).extracting(SessionStatistics.Group::key)
			.containsExactly("app", "batch", "report");
		assertThat(SessionStatistics.of(this.sessions, "TOTAL").byDatabase()).extracting(SessionStatistics.Group::key)
			.containsExactly(null, "orders", "dw");
		assertThatThrownBy(() -> SessionStatistics.of(this.sessions, "size")).isInstanceOf(InvalidSessionQueryException.class);
	}

	@Test
	void sourceHostDropsOnlyThePort() {
		assertThat(SessionStatistics.host("10.0.0.1:2881")).isEqualTo("10.0.0.1");
		assertThat(SessionStatistics.host("[fe80::1]:2881")).isEqualTo("[fe80::1]");
		assertThat(SessionStatistics.host("10.0.0.1")).isEqualTo("10.0.0.1");
		assertThat(SessionStatistics.host("fe80::1")).isEqualTo("fe80::1");
		assertThat(SessionStatistics.host(null)).isNull();
	}

}
