package com.obconsole.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import com.obconsole.targets.DirectObserver;
import com.obconsole.targets.Targets;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the session list and actions do beyond the happy path: the shared snapshot, a user without
 * the privilege to kill, the direct route to an observer, a target that is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SessionActionsEngineTests {

	static final int DOWN_PORT = FreePorts.unused();

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) throws SQLException {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		LocalServer mariadb = LocalEngines.mariadb();
		try (Connection admin = mariadb.connect(); Statement sql = admin.createStatement()) {
			// Sees every session (PROCESS) but may close only its own: no SUPER, no CONNECTION ADMIN.
			sql.execute("CREATE USER IF NOT EXISTS 'watcher'@'%' IDENTIFIED BY 'watcher-pw'");
			sql.execute("GRANT PROCESS ON *.* TO 'watcher'@'%'");
		}
		TestTargets.register(registry, 0, "shared", seekdb);
		registry.add("console.targets[1].name", () -> "watcher");
		registry.add("console.targets[1].url", mariadb::jdbcUrl);
		registry.add("console.targets[1].username", () -> "watcher");
		registry.add("console.targets[1].password", () -> "watcher-pw");
		TestTargets.registerDown(registry, 2, "down", DOWN_PORT);
		registry.add("console.connection.connect-timeout", () -> "1s");
		// Long enough that every request of a test falls in one snapshot window.
		registry.add("console.sessions.snapshot-max-age", () -> "30s");
	}

	TestRestTemplate http;

	TestRestTemplate anonymous;

	@Autowired
	void signIn(TestRestTemplate anonymous) {
		this.anonymous = anonymous;
		this.http = anonymous.withBasicAuth(TestUsers.OPERATOR, TestUsers.PASSWORD);
	}

	@Autowired
	MeterRegistry meters;

	@Autowired
	Targets targets;

	@Test
	void manyConcurrentViewersWithDifferentFiltersCostOneRead() throws Exception {
		double before = reads("shared");
		ExecutorService viewers = Executors.newFixedThreadPool(16);
		try {
			List<Callable<HttpStatus>> requests = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String filter = List.of("", "?activeOnly=true", "?user=root", "?sort=id&page=2&size=1").get(i % 4);
				requests.add(() -> (HttpStatus) this.http
					.getForEntity("/api/targets/shared/sessions" + filter, String.class)
					.getStatusCode());
			}
			for (Future<HttpStatus> status : viewers.invokeAll(requests)) {
				assertThat(status.get()).isEqualTo(HttpStatus.OK);
			}
		}
		finally {
			viewers.shutdownNow();
		}
		assertThat(reads("shared") - before).isEqualTo(1.0);
	}

	@Test
	void aUserWithoutThePrivilegeGetsAMessageItCanActOn() throws Exception {
		try (TestSession victim = TestSession.idle(LocalEngines.mariadb())) {
			Map<String, Object> result = this.http
				.exchange("/api/targets/watcher/sessions/" + victim.id() + "/close", HttpMethod.POST, SessionApiEngineTests.json(null),
						new ParameterizedTypeReference<Map<String, Object>>() {
						})
				.getBody();
			assertThat(result).containsEntry("outcome", "FAILED").containsEntry("code", "close.denied");
			assertThat((String) result.get("message"))
				.isEqualTo("The target's user lacks the privilege to close other users' sessions "
						+ "(needs SUPER in the tenant, or a sys-tenant target).");
			assertThat(victim.isUsable()).isTrue();
		}
	}

	@Test
	void theDirectRouteReachesTheObserverWithTheTargetsCredentialsLessTheCluster() throws Exception {
		LocalServer seekdb = LocalEngines.seekdb(SeekdbRelease.V1_3);
		try (TestSession sleeping = TestSession.running(seekdb, "SELECT SLEEP(600)")) {
			var definition = new com.obconsole.targets.TargetProperties.Definition("via-proxy", seekdb.jdbcUrl(),
					"root#obcluster", "");
			var target = new com.obconsole.targets.Target("via-proxy", definition, "127.0.0.1:2883",
					this.targets.require("shared").connections(), this.targets.require("shared").jdbc());
			DirectObserver.execute(target, "127.0.0.1:" + seekdb.port(), "KILL QUERY " + sleeping.id(), 2000);
			SQLException error = sleeping.statementError(Duration.ofSeconds(20));
			assertThat((error != null) ? error.getErrorCode() : -1).isEqualTo(1317);
			assertThat(sleeping.isUsable()).isTrue();
		}
	}

	@Test
	void aTargetThatIsDownIs503WithTheReason() {
		ResponseEntity<String> response = this.http.getForEntity("/api/targets/down/sessions", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getBody()).contains("connection refused at 127.0.0.1:" + DOWN_PORT);
		ResponseEntity<String> close = this.http.postForEntity("/api/targets/down/sessions/5/close", SessionApiEngineTests.json(null),
				String.class);
		assertThat(close.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(close.getBody()).contains("\"outcome\":\"FAILED\"").contains("Could not reach down");
	}

	private double reads(String target) {
		var counter = this.meters.find("console.processlist.reads").tag("target", target).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
