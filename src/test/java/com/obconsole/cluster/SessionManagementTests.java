package com.obconsole.cluster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.obconsole.engine.TenantInfo;
import com.obconsole.session.SessionFigures;
import com.obconsole.session.SessionStatistics;
import com.obconsole.session.SessionStatistics.Group;
import com.obconsole.targets.TargetStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The URLs and tenant of each way into Session Management, and the statistics tab's links. */
class SessionManagementTests {

	static final Cluster OB = cluster("prod-ob", new TenantInfo("sys", "MYSQL", true),
			new TenantInfo("a&b", "MYSQL", true));

	static final Cluster MARIA = cluster("maria", new TenantInfo(TenantInfo.WHOLE_SERVER, null, false));

	@Test
	void throughTheClusterTheTenantIsInTheQuery() {
		SessionManagement place = new SessionManagement(SessionManagement.Way.CLUSTER, OB, "a&b",
				SessionManagement.Tab.SESSIONS);
		assertThat(place.sessionsUrl()).isEqualTo("/clusters/prod-ob/diagnostics/sessions?tenant=a%26b");
		assertThat(place.statisticsUrl(Map.of("sort", "name")))
			.isEqualTo("/clusters/prod-ob/diagnostics/statistics?tenant=a%26b&sort=name");
		assertThat(place.tabPath()).isEqualTo("/clusters/prod-ob/diagnostics/sessions");
		assertThat(place.listContext().tenantInPath()).isFalse();
		assertThat(place.listContext().readTenant()).isEqualTo("a&b");
		assertThat(place.tenants()).containsExactly("sys", "a&b");
	}

	@Test
	void throughTheTenantTheTenantIsInThePath() {
		SessionManagement place = new SessionManagement(SessionManagement.Way.TENANT, OB, "a&b",
				SessionManagement.Tab.STATISTICS);
		assertThat(place.sessionsUrl(Map.of("tenant", "other", "user", "x y")))
			.isEqualTo("/clusters/prod-ob/tenants/a%26b/sessions?user=x%20y");
		assertThat(place.statisticsUrl()).isEqualTo("/clusters/prod-ob/tenants/a%26b/statistics");
		assertThat(place.tenantUrl()).isEqualTo("/clusters/prod-ob/tenants/a%26b");
		assertThat(place.listContext().tenantInPath()).isTrue();
		assertThat(place.listContext().variables()).containsEntry("tenant", "a&b");
	}

	@Test
	void aWholeServerTenantReadsEverySession() {
		SessionManagement place = new SessionManagement(SessionManagement.Way.TENANT, MARIA, "default",
				SessionManagement.Tab.SESSIONS);
		assertThat(place.readTenant()).isNull();
		SessionManagement unreachable = new SessionManagement(SessionManagement.Way.CLUSTER,
				new Cluster(status("down", false), List.of(), List.of()), "t1", SessionManagement.Tab.SESSIONS);
		assertThat(unreachable.readTenant()).isEqualTo("t1");
		assertThat(unreachable.tenants()).containsExactly("t1");
	}

	@Test
	void eachCountLinksToTheListFilteredToItsRowExceptNone() {
		SessionManagement place = new SessionManagement(SessionManagement.Way.CLUSTER, OB, "sys",
				SessionManagement.Tab.STATISTICS);
		SessionStatistics statistics = new SessionStatistics(new SessionFigures(5, 1, new BigDecimal("12.34")),
				List.of(new Group("app", 1, 3), new Group("ro", 0, 2)), List.of(new Group("10.0.0.1", 1, 5)),
				List.of(new Group(null, 1, 4), new Group("db", 0, 1)), List.of());
		StatisticsView view = new StatisticsView(place, statistics, "active", null, null);
		assertThat(view.longestActive()).isEqualTo("12.3");
		assertThat(view.activeSessionsUrl()).isEqualTo("/clusters/prod-ob/diagnostics/sessions?tenant=sys&activeOnly=true");
		List<StatisticsView.Table> tables = view.tables();
		assertThat(tables).extracting(StatisticsView.Table::parameter).containsExactly("user", "source", "database");
		StatisticsView.Row app = tables.get(0).rows().get(0);
		assertThat(app.totalUrl()).isEqualTo("/clusters/prod-ob/diagnostics/sessions?tenant=sys&user=app");
		assertThat(app.activeUrl())
			.isEqualTo("/clusters/prod-ob/diagnostics/sessions?tenant=sys&user=app&activeOnly=true");
		assertThat(tables.get(0).rows().get(1).activeUrl()).as("no active session, no link").isNull();
		assertThat(tables.get(1).rows().get(0).totalUrl()).endsWith("&source=10.0.0.1");
		StatisticsView.Row none = tables.get(2).rows().get(0);
		assertThat(none.key()).isNull();
		assertThat(none.totalUrl()).isNull();
		assertThat(none.activeUrl()).isNull();
		assertThat(view.sortUrl("total")).isEqualTo("/clusters/prod-ob/diagnostics/statistics?tenant=sys&sort=total");
		assertThat(view.sortUrl("active")).isEqualTo("/clusters/prod-ob/diagnostics/statistics?tenant=sys");
		assertThat(StatisticsView.order(" Name ")).isEqualTo("name");
		assertThat(StatisticsView.order("bogus")).isNull();
	}

	static Cluster cluster(String name, TenantInfo... tenants) {
		return new Cluster(status(name, true), List.of(tenants), List.of("127.0.0.1:2881"));
	}

	static TargetStatus status(String name, boolean reachable) {
		return new TargetStatus(name, "127.0.0.1:2881", null, reachable, reachable ? null : "connection refused",
				Instant.now());
	}

}
