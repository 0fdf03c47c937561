package com.obconsole.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestTargets;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.TestSession;
import com.obconsole.session.PageClient;
import com.obconsole.session.PageClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways to Session Management (through a cluster, through a tenant) and the Session
 * Statistics tab, against a real seekdb 1.3 (one tenant, sys), a real MariaDB (one tenant, default)
 * and a cluster that is down. The test opens sessions of its own as a user of its own and checks
 * what the pages show against counts it makes itself with SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ClusterPageWebTests {

	static final int DOWN_PORT = FreePorts.unused();

	static final String USER = "cluster_page_user";

	static final String PASSWORD = "Cluster_page_pw1";

	static final String DATABASE = "cluster_page_db";

	static final String METHOD_1 = "/clusters/ob/diagnostics/sessions";

	static final String METHOD_2 = "/clusters/ob/tenants/sys/sessions";

	static final String TARGET_PAGE = "/targets/ob/sessions";

	static TestSession idle;

	static TestSession inDatabase;

	static TestSession sleeper;

	static TestSession mariaIdle;

	static TestSession mariaVictim;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		TestTargets.register(registry, 0, "ob", seekdb);
		TestTargets.register(registry, 1, "maria", LocalEngines.mariadb());
		registry.add("console.targets[2].name", () -> "down");
		registry.add("console.targets[2].url", () -> "jdbc:mysql://127.0.0.1:" + DOWN_PORT + "/");
		registry.add("console.connection.connect-timeout", () -> "1s");
		// One snapshot serves every page of a test: the three ways to the list read the same instant.
		// The sessions the test compares are its own and stay as they are while it runs.
		registry.add("console.sessions.snapshot-max-age", () -> "30s");
	}

	@BeforeAll
	static void openSessions() throws SQLException {
		// Runs before the console starts: the user exists before any snapshot is read.
		try (Connection admin = LocalEngines.seekdb(SeekdbRelease.V1_3).connect();
				Statement sql = admin.createStatement()) {
			sql.execute("CREATE USER IF NOT EXISTS " + USER + " IDENTIFIED BY '" + PASSWORD + "'");
			sql.execute("GRANT ALL PRIVILEGES ON *.* TO " + USER);
		}
		LocalServer asUser = new ClusterEngineTests.AsUser(LocalEngines.seekdb(SeekdbRelease.V1_3), USER, PASSWORD);
		idle = TestSession.idle(asUser);
		inDatabase = TestSession.inDatabase(asUser, DATABASE);
		sleeper = TestSession.running(asUser, "SELECT SLEEP(600)");
		mariaIdle = TestSession.idle(LocalEngines.mariadb());
		// Opened before the console reads any snapshot: the 30 s snapshot shows it.
		mariaVictim = TestSession.idle(LocalEngines.mariadb());
	}

	@AfterAll
	static void closeSessions() {
		TestSession.closeAll(idle, inDatabase, sleeper, mariaIdle, mariaVictim);
	}

	@Autowired
	TestRestTemplate http;

	private PageClient client;

	PageClient client() {
		if (this.client == null) {
			this.client = new PageClient(this.http);
		}
		return this.client;
	}

	@Test
	void clusterListShowsEveryClusterAndTheErrorOfAnUnreachableOne() {
		Page page = client().page("/clusters");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.doc().select("#clusters tbody tr").eachAttr("data-cluster")).containsExactly("ob", "maria",
				"down");
		Element ob = page.doc().selectFirst("#clusters tr[data-cluster=ob]");
		assertThat(ob.selectFirst(".engine").text()).isEqualTo("seekdb " + LocalEngines.seekdbVersion(SeekdbRelease.V1_3));
		assertThat(ob.selectFirst(".observers").text()).isEqualTo("1");
		assertThat(ob.selectFirst(".tenants").text()).isEqualTo("1");
		assertThat(ob.selectFirst(".name a").attr("href")).isEqualTo("/clusters/ob");
		assertThat(ob.selectFirst(".diagnostics-link a").attr("href")).isEqualTo("/clusters/ob/diagnostics");
		Element maria = page.doc().selectFirst("#clusters tr[data-cluster=maria]");
		assertThat(maria.selectFirst(".engine").text()).isEqualTo("MariaDB " + LocalEngines.mariadbVersion());
		assertThat(maria.selectFirst(".tenants").text()).isEqualTo("1");
		Element down = page.doc().selectFirst("#clusters tr[data-cluster=down]");
		assertThat(down.selectFirst(".status .error").text())
			.isEqualTo("connection refused at 127.0.0.1:" + DOWN_PORT + " after 1 s");
		assertThat(down.selectFirst(".diagnostics-link a")).isNull();
		assertThat(page.doc().select("nav.navbar a.nav-link").eachText()).contains("Targets", "Clusters", "Tenants");
	}

	@Test
	void clusterOverviewShowsEngineObserversAndTenants() {
		Page page = client().page("/clusters/ob");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.doc().title()).startsWith("ob · Clusters");
		assertThat(page.text("#breadcrumb")).isEqualTo("Clusters ob");
		assertThat(page.text("#cluster-tabs .active")).isEqualTo("Overview");
		assertThat(page.doc().selectFirst("#tab-diagnostics").attr("href")).isEqualTo("/clusters/ob/diagnostics");
		assertThat(page.text("#cluster-facts .engine")).isEqualTo("seekdb");
		assertThat(page.text("#cluster-facts .version")).isEqualTo(LocalEngines.seekdbVersion(SeekdbRelease.V1_3));
		assertThat(page.doc().select("#observers li").eachText())
			.containsExactly("127.0.0.1:" + LocalEngines.seekdb(SeekdbRelease.V1_3).port());
		Element sys = page.doc().selectFirst("#tenants tr[data-tenant=sys]");
		assertThat(sys.selectFirst(".name a").attr("href")).isEqualTo("/clusters/ob/tenants/sys");
		assertThat(sys.selectFirst(".sessions-link").attr("href")).isEqualTo(METHOD_1 + "?tenant=sys");
	}

	@Test
	void diagnosticsOpenTheFirstTenantsSessionsKeepingTheView() {
		Page diagnostics = client().page("/clusters/ob/diagnostics");
		assertThat(diagnostics.status()).isEqualTo(302);
		assertThat(diagnostics.headers().getLocation().getPath()).isEqualTo(METHOD_1);
		Page noTenant = client().page(METHOD_1 + "?user=" + USER + "&sort=id");
		assertThat(noTenant.status()).isEqualTo(302);
		assertThat(noTenant.headers().getLocation().toString()).endsWith(METHOD_1 + "?tenant=sys&user=" + USER
				+ "&sort=id");
		Page statistics = client().page("/clusters/ob/diagnostics/statistics?sort=name");
		assertThat(statistics.headers().getLocation().toString())
			.endsWith("/clusters/ob/diagnostics/statistics?tenant=sys&sort=name");
	}

	@Test
	void bothWaysLeadToTheSameListAsTheTargetsPage() {
		Page byTarget = client().page(TARGET_PAGE + "?tenant=sys&size=500");
		Page byCluster = client().page(METHOD_1 + "?tenant=sys&size=500");
		Page byTenant = client().page(METHOD_2 + "?size=500");
		for (Page page : List.of(byTarget, byCluster, byTenant)) {
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.ids()).contains(Long.toString(idle.id()), Long.toString(inDatabase.id()),
					Long.toString(sleeper.id()));
		}
		assertThat(byCluster.ids()).isEqualTo(byTarget.ids());
		assertThat(byTenant.ids()).isEqualTo(byTarget.ids());
		assertThat(headers(byCluster)).isEqualTo(headers(byTarget)).contains("Session ID", "SQL", "User", "Source");
		assertThat(headers(byTenant)).isEqualTo(headers(byTarget));
		assertThat(byCluster.cell(sleeper.id(), "user")).isEqualTo(USER);
		assertThat(byTenant.cell(sleeper.id(), "status")).startsWith("ACTIVE");

		// Method 1: the cluster's chrome, with a tenant selector.
		assertThat(byCluster.doc().title()).isEqualTo("Tenant Session · sys · ob · OB Session Console");
		assertThat(byCluster.text("#breadcrumb")).isEqualTo("Clusters ob Real-time Diagnostics Session Management");
		assertThat(byCluster.text("#cluster-tabs .active")).isEqualTo("Real-time Diagnostics");
		assertThat(byCluster.text("#management-tabs .active")).isEqualTo("Tenant Session");
		assertThat(byCluster.doc().selectFirst("#tab-statistics").attr("href"))
			.isEqualTo("/clusters/ob/diagnostics/statistics?tenant=sys");
		assertThat(byCluster.doc().select("#tenant-select option").eachText()).containsExactly("sys");
		assertThat(byCluster.doc().selectFirst("#tenant-select option[selected]").val()).isEqualTo("sys");
		assertThat(byCluster.doc().selectFirst("#tenant-selector").attr("action")).isEqualTo(METHOD_1);
		assertThat(byCluster.doc().select("#tenant-selector input[type=hidden]").eachAttr("name")).containsExactly("size");
		assertThat(byCluster.doc().selectFirst("#session-dialog")).isNotNull();
		assertThat(byCluster.doc().select("script[src]").eachAttr("src")).contains("/js/sessions.js", "/js/clusters.js");

		// Method 2: the tenant's chrome, with its left navigation and no selector.
		assertThat(byTenant.doc().title()).isEqualTo("Tenant Session · sys · ob · OB Session Console");
		assertThat(byTenant.text("#breadcrumb")).isEqualTo("Tenants ob sys Session Management");
		assertThat(byTenant.text("#tenant-nav .active")).isEqualTo("Session Management");
		assertThat(byTenant.doc().selectFirst("#nav-overview").attr("href")).isEqualTo("/clusters/ob/tenants/sys");
		assertThat(byTenant.doc().selectFirst("#tab-statistics").attr("href"))
			.isEqualTo("/clusters/ob/tenants/sys/statistics");
		assertThat(byTenant.doc().selectFirst("#tenant-selector")).isNull();
	}

	@Test
	void filtersSortPageAndRefreshStayOnTheUrlOfEachWay() {
		for (String base : List.of(METHOD_1 + "?tenant=sys&", METHOD_2 + "?")) {
			String path = base.substring(0, base.indexOf('?'));
			Page page = client().page(base + "user=" + USER + "&sort=id&direction=asc&size=2&refresh=5");
			assertThat(page.status()).isEqualTo(200);
			List<String> mine = List.of(Long.toString(idle.id()), Long.toString(inDatabase.id()),
					Long.toString(sleeper.id()));
			assertThat(page.ids()).hasSize(2).isSubsetOf(mine).isSortedAccordingTo((a, b) -> Long.compare(
					Long.parseUnsignedLong(a), Long.parseUnsignedLong(b)));
			Element region = page.doc().selectFirst("#session-region");
			String self = region.attr("data-url");
			assertThat(self).startsWith(path + "?").contains("user=" + USER, "sort=id", "size=2", "refresh=5");
			assertThat(region.attr("hx-get")).isEqualTo(self);
			assertThat(page.doc().selectFirst("#session-view").attr("action")).isEqualTo(path);
			assertThat(page.doc().select("#sessions thead a.sort-link").eachAttr("href"))
				.allSatisfy((href) -> assertThat(href).startsWith(path + "?").contains("user=" + USER));
			assertThat(page.doc().selectFirst("#refresh option[selected]").val()).isEqualTo("5");
			String next = page.doc().selectFirst("a.page-next").attr("href");
			assertThat(next).startsWith(path + "?").contains("page=2", "user=" + USER);
			if (path.equals(METHOD_2)) {
				assertThat(self).doesNotContain("tenant=");
			}
			else {
				assertThat(self).contains("tenant=sys");
			}

			// The next page, as a refresh of the region (htmx) and as a reload of the whole page.
			Page fragment = client().fragment(next);
			assertThat(fragment.status()).isEqualTo(200);
			assertThat(fragment.html()).doesNotContain("<html", "navbar");
			assertThat(fragment.ids()).hasSize(1).isSubsetOf(mine);
			Page reloaded = client().page(next);
			assertThat(reloaded.ids()).isEqualTo(fragment.ids());
			assertThat(reloaded.doc().selectFirst("#search-user").val()).isEqualTo(USER);
		}
		// The list's form sends tenant= as well: on Method 2 the path's tenant decides.
		Page withQueryTenant = client().page(METHOD_2 + "?tenant=sys&user=" + USER);
		assertThat(withQueryTenant.status()).isEqualTo(200);
		assertThat(withQueryTenant.ids()).hasSize(3);
	}

	@Test
	void statisticsMatchCountsMadeWithSqlAndEachCountOpensItsSessions() throws SQLException {
		Map<String, int[]> counted = new HashMap<>();
		try (Connection admin = LocalEngines.seekdb(SeekdbRelease.V1_3).connect();
				Statement sql = admin.createStatement();
				ResultSet rs = sql.executeQuery("SELECT USER, COUNT(*), SUM(STATE='ACTIVE') "
						+ "FROM oceanbase.GV$OB_PROCESSLIST GROUP BY USER")) {
			while (rs.next()) {
				counted.put(rs.getString(1), new int[] { rs.getInt(3), rs.getInt(2) });
			}
		}
		assertThat(counted.get(USER)).containsExactly(1, 3);

		for (String tab : List.of("/clusters/ob/diagnostics/statistics?tenant=sys",
				"/clusters/ob/tenants/sys/statistics")) {
			Page page = client().page(tab);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.doc().title()).isEqualTo("Session Statistics · sys · ob · OB Session Console");
			assertThat(page.text("#management-tabs .active")).isEqualTo("Session Statistics");
			assertThat(page.doc().select("#statistics-cards .figure-label").eachText())
				.containsExactly("Total Sessions", "Active Sessions", "Maximum Session Duration (s)");
			assertThat(page.doc().select("h3").eachText()).containsExactly("By User", "By Source", "By Database", "By SQL");
			assertThat(Integer.parseInt(page.text("#stat-total"))).isGreaterThanOrEqualTo(3);
			assertThat(Integer.parseInt(page.text("#stat-active"))).isGreaterThanOrEqualTo(1);

			Element user = page.doc().selectFirst("#by-user tr[data-key=" + USER + "]");
			assertThat(user.selectFirst(".active").text()).isEqualTo(String.valueOf(counted.get(USER)[0]));
			assertThat(user.selectFirst(".total").text()).isEqualTo(String.valueOf(counted.get(USER)[1]));
			Page all = client().page(user.selectFirst(".total a").attr("href"));
			assertThat(all.status()).isEqualTo(200);
			assertThat(all.ids()).containsExactlyInAnyOrder(Long.toString(idle.id()), Long.toString(inDatabase.id()),
					Long.toString(sleeper.id()));
			assertThat(all.doc().selectFirst("#search-user").val()).isEqualTo(USER);
			Page active = client().page(user.selectFirst(".active a").attr("href"));
			assertThat(active.ids()).containsExactly(Long.toString(sleeper.id()));
			assertThat(active.doc().selectFirst("#activeOnly").hasAttr("checked")).isTrue();

			Element database = page.doc().selectFirst("#by-database tr[data-key=" + DATABASE + "]");
			assertThat(database.selectFirst(".total").text()).isEqualTo("1");
			assertThat(database.selectFirst(".active a")).isNull();
			assertThat(client().page(database.selectFirst(".total a").attr("href")).ids())
				.containsExactly(Long.toString(inDatabase.id()));

			// Sessions with no database (the test's own idle ones among them): "(none)", without links.
			Element none = page.doc().selectFirst("#by-database tr.no-key");
			assertThat(none.selectFirst(".key").text()).isEqualTo("(none)");
			assertThat(none.select("a")).isEmpty();
			assertThat(Integer.parseInt(none.selectFirst(".total").text())).isGreaterThanOrEqualTo(2);

			Element source = page.doc().selectFirst("#by-source tr[data-key=127.0.0.1]");
			assertThat(Integer.parseInt(source.selectFirst(".total").text())).isGreaterThanOrEqualTo(3);
			assertThat(client().page(source.selectFirst(".total a").attr("href")).ids())
				.contains(Long.toString(idle.id()), Long.toString(sleeper.id()));

			// The drill-down stays on the way the DBA came.
			String path = tab.contains("/tenants/") ? METHOD_2 : METHOD_1;
			assertThat(user.selectFirst(".total a").attr("href")).startsWith(path + "?");
		}
	}

	@Test
	void statisticsTablesSortByActiveTotalOrName() {
		Page byName = client().page("/clusters/ob/tenants/sys/statistics?sort=name");
		assertThat(byName.status()).isEqualTo(200);
		List<String> users = byName.doc().select("#by-user tbody tr[data-key]").eachAttr("data-key");
		assertThat(users).contains(USER).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(byName.doc().selectFirst("#by-user th[data-order=name]").attr("aria-sort")).isEqualTo("ascending");
		assertThat(byName.doc().selectFirst("#by-user th[data-order=total] a").attr("href"))
			.isEqualTo("/clusters/ob/tenants/sys/statistics?sort=total");

		Page byTotal = client().page("/clusters/ob/diagnostics/statistics?tenant=sys&sort=total");
		List<Integer> totals = byTotal.doc()
			.select("#by-user tbody tr .total")
			.eachText()
			.stream()
			.map(Integer::valueOf)
			.toList();
		assertThat(totals).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
		assertThat(byTotal.doc().select("#tenant-selector input[type=hidden]").eachAttr("value"))
			.containsExactly("total");

		Page bad = client().page("/clusters/ob/diagnostics/statistics?tenant=sys&sort=bogus");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text("#statistics-error")).contains("sort");
		assertThat(bad.doc().selectFirst("#by-user")).isNotNull();
	}

	@Test
	void tenantListAndOverviewLeadToSessionManagement() {
		Page tenants = client().page("/tenants");
		assertThat(tenants.status()).isEqualTo(200);
		assertThat(tenants.doc().select(".tenant-group").eachAttr("data-cluster")).containsExactly("ob", "maria",
				"down");
		assertThat(tenants.doc().select(".tenant-group[data-cluster=ob] tbody tr").eachAttr("data-tenant"))
			.containsExactly("sys");
		assertThat(tenants.doc().select(".tenant-group[data-cluster=maria] tbody tr").eachAttr("data-tenant"))
			.containsExactly("default");
		assertThat(tenants.text(".tenant-group[data-cluster=down] .cluster-error")).contains("connection refused");
		assertThat(tenants.doc().selectFirst(".tenant-group[data-cluster=ob] tr[data-tenant=sys] .name a").attr("href"))
			.isEqualTo("/clusters/ob/tenants/sys");

		Page overview = client().page("/clusters/ob/tenants/sys");
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.doc().title()).startsWith("sys · ob · Tenants");
		assertThat(overview.text("#breadcrumb")).isEqualTo("Tenants ob sys");
		assertThat(overview.text("#tenant-nav .active")).isEqualTo("Overview");
		assertThat(overview.doc().selectFirst("#nav-sessions").attr("href")).isEqualTo(METHOD_2);
		assertThat(overview.text("#tenant-facts .mode")).isEqualTo("MYSQL");
		assertThat(overview.text("#tenant-facts .engine"))
			.isEqualTo("seekdb " + LocalEngines.seekdbVersion(SeekdbRelease.V1_3));
		assertThat(overview.text("#tenant-facts .observers"))
			.isEqualTo("127.0.0.1:" + LocalEngines.seekdb(SeekdbRelease.V1_3).port());
		assertThat(Integer.parseInt(overview.text("#figure-total"))).isGreaterThanOrEqualTo(3);
		assertThat(Integer.parseInt(overview.text("#figure-active"))).isGreaterThanOrEqualTo(1);
	}

	@Test
	void mariadbIsOneClusterWithOneTenantWhoseListIsTheWholeServer() {
		Page byTarget = client().page("/targets/maria/sessions?size=500");
		Page byCluster = client().page("/clusters/maria/diagnostics/sessions?tenant=default&size=500");
		Page byTenant = client().page("/clusters/maria/tenants/default/sessions?size=500");
		assertThat(byTarget.ids()).contains(Long.toString(mariaIdle.id()));
		assertThat(byCluster.status()).isEqualTo(200);
		assertThat(byCluster.ids()).isEqualTo(byTarget.ids());
		assertThat(byTenant.ids()).isEqualTo(byTarget.ids());
		assertThat(headers(byTenant)).isEqualTo(headers(byTarget));
		assertThat(byCluster.doc().select("#tenant-select option").eachText()).containsExactly("default");

		Page statistics = client().page("/clusters/maria/tenants/default/statistics");
		assertThat(statistics.status()).isEqualTo(200);
		assertThat(Integer.parseInt(statistics.text("#stat-total"))).isEqualTo(byTarget.ids().size());
	}

	@Test
	void closeFromTheTenantsWayOnMariadbUsesTheSameDialogs() {
		try (TestSession victim = mariaVictim) {
			Page page = client().page("/clusters/maria/tenants/default/sessions?size=500&id=" + victim.id());
			Element close = page.row(victim.id()).selectFirst("a.close-session");
			assertThat(close.attr("href")).startsWith("/targets/maria/sessions/confirm?")
				.contains("ids=" + victim.id(), "tenant=default");
			Page confirm = client().fragment(close.attr("href"));
			assertThat(confirm.status()).isEqualTo(200);
			Page results = client().submit(confirm.form("form.confirm-close"));
			assertThat(results.results()).containsEntry(Long.toString(victim.id()), "CLOSED");
			assertThat(victim.isUsable()).isFalse();
		}
	}

	@Test
	void unknownClusterOrTenantIsA404AndAnUnreachableClusterA503() {
		for (String url : List.of("/clusters/nope", "/clusters/nope/diagnostics/sessions",
				"/clusters/nope/tenants/sys", "/clusters/ob/tenants/nope", "/clusters/ob/tenants/nope/sessions",
				"/clusters/ob/tenants/nope/statistics", METHOD_1 + "?tenant=nope",
				"/clusters/ob/diagnostics/statistics?tenant=nope")) {
			Page page = client().page(url);
			assertThat(page.status()).as(url).isEqualTo(404);
			assertThat(page.text("#unknown-cluster")).as(url).contains("nope");
		}
		Page down = client().page("/clusters/down");
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.text("#cluster-unavailable")).contains("connection refused at 127.0.0.1:" + DOWN_PORT);
		Page sessions = client().page("/clusters/down/diagnostics/sessions");
		assertThat(sessions.status()).isEqualTo(503);
		assertThat(sessions.text("#cluster-unavailable")).contains("connection refused");
		Page named = client().page("/clusters/down/tenants/default/sessions");
		assertThat(named.status()).isEqualTo(503);
		assertThat(named.text("#session-unavailable")).contains("connection refused");
		assertThat(client().page("/clusters/down/tenants/default/statistics").status()).isEqualTo(503);
		assertThat(client().page("/clusters/down/tenants/default").status()).isEqualTo(503);
	}

	private static List<String> headers(Page page) {
		return page.doc().select("#sessions thead th").stream().map((th) -> {
			Element label = th.selectFirst(".sort-link span");
			return (label != null) ? label.text() : th.text();
		}).toList();
	}

}
