package com.obconsole.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker); check that it agrees with the target
 * configuration README.md gives for it, so the two cannot drift apart.
 */
class DockerComposeTests {

	@Test
	@SuppressWarnings("unchecked")
	void readmeTargetsMatchTheComposeFile() throws IOException {
		Map<String, Map<String, Object>> services = services();
		Map<String, Object> oceanbase = services.get("oceanbase");
		Map<String, Object> obproxy = services.get("obproxy");
		Map<String, String> obEnv = (Map<String, String>) oceanbase.get("environment");
		Map<String, String> proxyEnv = (Map<String, String>) obproxy.get("environment");
		assertThat((List<String>) oceanbase.get("ports")).containsExactly("2881:2881");
		assertThat((List<String>) obproxy.get("ports")).containsExactly("2883:2883");
		assertThat(proxyEnv.get("PROXYRO_PASSWORD")).isEqualTo(obEnv.get("OB_PROXYRO_PASSWORD"));
		assertThat(proxyEnv.get("OB_CLUSTER")).isEqualTo(obEnv.get("OB_CLUSTER_NAME"));

		String readme = Files.readString(Path.of("README.md"));
		String block = section(readme, "<!-- compose-targets -->");
		String cluster = obEnv.get("OB_CLUSTER_NAME");
		String tenant = obEnv.get("OB_TENANT_NAME");
		assertThat(block).contains("url: jdbc:mysql://127.0.0.1:2881/oceanbase")
			.contains("username: root@sys\n")
			.contains("password: " + obEnv.get("OB_SYS_PASSWORD") + "\n")
			.contains("url: jdbc:mysql://127.0.0.1:2883/oceanbase")
			.contains("username: root@" + tenant + "#" + cluster + "\n")
			.contains("password: " + obEnv.get("OB_TENANT_PASSWORD") + "\n");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theConsoleServiceHasTheSameTargetsByServiceNameAndAnAdminFromTheEnvironment() throws IOException {
		Map<String, Map<String, Object>> services = services();
		Map<String, String> obEnv = (Map<String, String>) services.get("oceanbase").get("environment");
		Map<String, Object> console = services.get("console");
		Map<String, String> env = (Map<String, String>) console.get("environment");
		assertThat(env).containsEntry("CONSOLE_TARGETS_0_URL", "jdbc:mysql://oceanbase:2881/oceanbase")
			.containsEntry("CONSOLE_TARGETS_0_USERNAME", "root@sys")
			.containsEntry("CONSOLE_TARGETS_0_PASSWORD", obEnv.get("OB_SYS_PASSWORD"))
			.containsEntry("CONSOLE_TARGETS_1_URL", "jdbc:mysql://obproxy:2883/oceanbase")
			.containsEntry("CONSOLE_TARGETS_1_USERNAME",
					"root@" + obEnv.get("OB_TENANT_NAME") + "#" + obEnv.get("OB_CLUSTER_NAME"))
			.containsEntry("CONSOLE_TARGETS_1_PASSWORD", obEnv.get("OB_TENANT_PASSWORD"))
			.containsEntry("CONSOLE_SECURITY_USERS_0_PASSWORDHASH", "${CONSOLE_ADMIN_PASSWORD_HASH:-}")
			.containsEntry("CONSOLE_SECURITY_USERS_0_ROLES", "ADMIN");
		assertThat(env.values()).as("no password hash is written into the file").noneMatch((v) -> v.startsWith("$2"));
		assertThat((List<String>) console.get("ports")).containsExactly("8080:8080");
		assertThat(console.get("image").toString()).contains("ob-session-console:");
		Map<String, Object> health = (Map<String, Object>) console.get("healthcheck");
		assertThat(health.get("test").toString()).contains("/actuator/health/readiness");
		// The ComposeContainer test runs this very file: Testcontainers refuses container_name.
		services.values().forEach((service) -> assertThat(service).doesNotContainKey("container_name"));
	}

	private static String section(String readme, String marker) {
		Matcher m = Pattern.compile(Pattern.quote(marker) + "\\s*```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
		assertThat(m.find()).as("README.md has a yaml block after %s", marker).isTrue();
		return m.group(1);
	}

	/** The services of docker-compose.yml, as Compose reads them. */
	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

}
