package com.obconsole.targets;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.BrowserSession;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page, the targets API and health against a real seekdb, a real MariaDB and a target
 * that is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class TargetsWebTests {

	static final int DOWN_PORT = FreePorts.unused();

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "local-seekdb", LocalEngines.seekdb());
		TestTargets.register(registry, 1, "local-mariadb", LocalEngines.mariadb());
		TestTargets.registerDown(registry, 2, "down", DOWN_PORT);
		registry.add("console.connection.connect-timeout", () -> "2s");
	}


	@Autowired
	TestRestTemplate anonymous;

	@LocalServerPort
	int port;

	TestRestTemplate viewer() {
		return this.anonymous.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
	}

	@Test
	void homePageListsEveryTargetWithEngineVersionOrError() {
		BrowserSession browser = new BrowserSession("http://localhost:" + this.port);
		browser.signIn(TestUsers.VIEWER, TestUsers.PASSWORD);
		long started = System.nanoTime();
		String html = browser.get("/").body();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(html).contains("local-seekdb", "local-mariadb", "down");
		assertThat(html).contains("seekdb").contains(LocalEngines.seekdbVersion());
		assertThat(html).contains("MariaDB").contains(LocalEngines.mariadbVersion());
		assertThat(html).contains("connection refused at 127.0.0.1:" + DOWN_PORT + " after 2 s");
		// Checked in parallel: one slow target costs its connect timeout once, not per target.
		assertThat(took).isLessThan(Duration.ofSeconds(2 * 3));
	}

	@Test
	void apiListsTargets() {
		List<Map<String, Object>> targets = viewer()
			.exchange("/api/targets", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.getBody();
		assertThat(targets).extracting((t) -> t.get("name")).containsExactly("local-seekdb", "local-mariadb", "down");
		assertThat(targets.get(0)).containsEntry("engine", "seekdb")
			.containsEntry("version", LocalEngines.seekdbVersion())
			.containsEntry("reachable", true);
		assertThat(targets.get(1)).containsEntry("engine", "MariaDB")
			.containsEntry("version", LocalEngines.mariadbVersion())
			.containsEntry("tenant", null)
			.containsEntry("reachable", true);
		assertThat(targets.get(2)).containsEntry("reachable", false).containsEntry("engine", null);
		assertThat((String) targets.get(2).get("error")).startsWith("connection refused at 127.0.0.1:" + DOWN_PORT);
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthHasOneIndicatorPerTarget() {
		// Health details name targets and errors: for admins only.
		Map<String, Object> health = this.anonymous.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD)
			.getForObject("/actuator/health/targets", Map.class);
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
		assertThat(components.get("local-seekdb")).containsEntry("status", "UP");
		assertThat(components.get("local-mariadb")).containsEntry("status", "UP");
		assertThat(components.get("down")).containsEntry("status", "DOWN");
		assertThat((Map<String, Object>) components.get("down").get("details")).containsEntry("error",
				"connection refused at 127.0.0.1:" + DOWN_PORT + " after 2 s");
		// A target that is down must not make an orchestrator restart the console.
		Map<String, Object> liveness = this.anonymous.getForObject("/actuator/health/liveness", Map.class);
		assertThat(liveness).containsEntry("status", "UP");
	}

}
