package com.obconsole.target;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
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
		register(registry, 0, "local-seekdb", LocalEngines.seekdb());
		register(registry, 1, "local-mariadb", LocalEngines.mariadb());
		registry.add("console.targets[2].name", () -> "down");
		registry.add("console.targets[2].url", () -> "jdbc:mysql://127.0.0.1:" + DOWN_PORT + "/");
		registry.add("console.targets[2].username", () -> "root");
		registry.add("console.connection.connect-timeout", () -> "2s");
	}

	static void register(DynamicPropertyRegistry registry, int index, String name, LocalServer server) {
		registry.add("console.targets[" + index + "].name", () -> name);
		registry.add("console.targets[" + index + "].url", server::jdbcUrl);
		registry.add("console.targets[" + index + "].username", server::username);
		registry.add("console.targets[" + index + "].password", server::password);
	}

	@Autowired
	TestRestTemplate http;

	@Test
	void homePageListsEveryTargetWithEngineVersionOrError() {
		long started = System.nanoTime();
		String html = this.http.getForObject("/", String.class);
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
		List<Map<String, Object>> targets = this.http
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
		Map<String, Object> health = this.http.getForObject("/actuator/health/targets", Map.class);
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
		assertThat(components.get("local-seekdb")).containsEntry("status", "UP");
		assertThat(components.get("local-mariadb")).containsEntry("status", "UP");
		assertThat(components.get("down")).containsEntry("status", "DOWN");
		assertThat((Map<String, Object>) components.get("down").get("details")).containsEntry("error",
				"connection refused at 127.0.0.1:" + DOWN_PORT + " after 2 s");
		// A target that is down must not make an orchestrator restart the console.
		Map<String, Object> liveness = this.http.getForObject("/actuator/health/liveness", Map.class);
		assertThat(liveness).containsEntry("status", "UP");
	}

}
