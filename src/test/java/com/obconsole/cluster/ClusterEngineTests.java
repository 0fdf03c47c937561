package com.obconsole.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestTargets;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.TestSession;
import com.obconsole.security.TestUsers;
import com.obconsole.targets.Targets;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Clusters, tenants and session statistics against real engines. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ClusterEngineTests {

	static final int DOWN_PORT = FreePorts.unused();

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) throws SQLException {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		try (Connection admin = seekdb.connect(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE USER IF NOT EXISTS stats_user IDENTIFIED BY 'stats-pw'");
			sql.execute("GRANT ALL PRIVILEGES ON *.* TO stats_user");
		}
		TestTargets.register(registry, 0, "ob", seekdb);
		TestTargets.register(registry, 1, "maria", LocalEngines.mariadb());
		TestTargets.registerDown(registry, 2, "down", DOWN_PORT);
		registry.add("console.connection.connect-timeout", () -> "1s");
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}


	TestRestTemplate http;

	TestRestTemplate anonymous;

	@Autowired
	void signIn(TestRestTemplate anonymous) {
		this.anonymous = anonymous;
		this.http = anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD);
	}

	@Autowired
	Targets targets;

	@Test
	void everyTargetIsAClusterAndAnUnreachableOneShowsItsError() {
		List<Map<String, Object>> clusters = getList("/api/clusters");
		assertThat(clusters).extracting((c) -> c.get("name")).containsExactly("ob", "maria", "down");
		assertThat(clusters.get(0)).containsEntry("reachable", true)
			.containsEntry("tenants", List.of("sys"))
			.containsEntry("observers", List.of("127.0.0.1:" + LocalEngines.seekdb(SeekdbRelease.V1_3).port()));
		assertThat(clusters.get(1)).containsEntry("tenants", List.of("default"))
			.containsEntry("observers", List.of("127.0.0.1:" + LocalEngines.mariadb().port()));
		assertThat(clusters.get(2)).containsEntry("reachable", false).containsEntry("tenants", List.of());
		assertThat((String) clusters.get(2).get("error")).startsWith("connection refused");
	}

	@Test
	void theSessionListOfATenantShowsThatTenantsSessionsOnly() throws SQLException {
		try (TestSession mine = TestSession.idle(LocalEngines.seekdb(SeekdbRelease.V1_3))) {
			List<Map<String, Object>> sys = sessions("/api/targets/ob/sessions?tenant=sys&size=500");
			assertThat(sys).isNotEmpty().allSatisfy((s) -> assertThat(s).containsEntry("tenant", "sys"));
			assertThat(sys).extracting((s) -> s.get("id")).contains(Long.toString(mine.id()));
			assertThat(sessions("/api/targets/ob/sessions?tenant=no_such_tenant")).isEmpty();
		}
	}

	@Test
	void statisticsMatchCountsMadeWithSqlOverTheSameEngine() throws Exception {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		List<TestSession> opened = new ArrayList<>();
		try {
			LocalServer asStatsUser = new AsUser(seekdb, "stats_user", "stats-pw");
			opened.add(TestSession.idle(asStatsUser));
			opened.add(TestSession.inDatabase(asStatsUser, "stats_db"));
			opened.add(TestSession.running(asStatsUser, "SELECT SLEEP(600)"));
			Map<String, Object> counted = JdbcClient.create(this.targets.require("ob").connections()).sql("""
					SELECT COUNT(*) AS total, SUM(CASE WHEN STATE = 'ACTIVE' THEN 1 ELSE 0 END) AS active
					FROM oceanbase.GV$OB_PROCESSLIST WHERE USER = 'stats_user'
					""").query().singleRow();
			Map<String, Object> stats = get("/api/targets/ob/sessions/statistics?tenant=sys");
			Map<String, Object> user = group(stats, "byUser", "stats_user");
			assertThat(user).containsEntry("total", ((Number) counted.get("total")).intValue())
				.containsEntry("active", ((Number) counted.get("active")).intValue())
				.containsEntry("total", 3)
				.containsEntry("active", 1);
			assertThat(group(stats, "byDatabase", "stats_db")).containsEntry("total", 1).containsEntry("active", 0);
			assertThat(group(stats, "bySource", "127.0.0.1")).satisfies(
					(g) -> assertThat((Integer) g.get("total")).isGreaterThanOrEqualTo(3));
			@SuppressWarnings("unchecked")
			Map<String, Object> figures = (Map<String, Object>) stats.get("figures");
			assertThat((Integer) figures.get("active")).isGreaterThanOrEqualTo(1);
			assertThat((Integer) figures.get("total")).isGreaterThanOrEqualTo(3);
		}
		finally {
			opened.forEach(TestSession::close);
		}
	}

	@Test
	void mariadbIsOneClusterWithOneTenantWhoseListIsTheWholeServer() throws SQLException {
		try (TestSession mine = TestSession.idle(LocalEngines.mariadb())) {
			List<Map<String, Object>> tenants = getList("/api/clusters/maria/tenants");
			assertThat(tenants).singleElement().satisfies((t) -> assertThat(t).containsEntry("name", "default"));
			assertThat(sessions("/api/targets/maria/sessions?size=500")).extracting((s) -> s.get("id"))
				.contains(Long.toString(mine.id()));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> group(Map<String, Object> stats, String table, String key) {
		return ((List<Map<String, Object>>) stats.get(table)).stream()
			.filter((g) -> key.equals(g.get("key")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(table + " has no row " + key + ": " + stats.get(table)));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> sessions(String path) {
		return (List<Map<String, Object>>) get(path).get("sessions");
	}

	private Map<String, Object> get(String path) {
		return this.http.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
		}).getBody();
	}

	private List<Map<String, Object>> getList(String path) {
		return this.http.exchange(path, HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody();
	}

	/** The same server, signed in as another user. */
	record AsUser(LocalServer server, String username, String password) implements LocalServer {

		@Override
		public String name() {
			return this.server.name();
		}

		@Override
		public int port() {
			return this.server.port();
		}

		@Override
		public boolean isRunning() {
			return this.server.isRunning();
		}

		@Override
		public void allowLongStatements(Connection connection) throws SQLException {
			this.server.allowLongStatements(connection);
		}

		@Override
		public void close() {
		}

	}

}
