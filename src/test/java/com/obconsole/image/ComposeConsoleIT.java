package com.obconsole.image;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's docker-compose.yml as a user runs it: OceanBase CE, OBProxy and the console from
 * the image -Pimage builds, signed in as the admin the environment configures. Lists the sessions of
 * tenant test through OBProxy and closes one through OBProxy: the KILL route through the proxy, for
 * real. Skipped, visibly, where no Docker engine runs or the image is not in it.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeConsoleIT {

	static final String VIA_PROXY = "docker-ob-test-via-proxy";

	static final String SYS = "docker-ob-sys";

	static final String PASSWORD = "compose-" + UUID.randomUUID();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ComposeContainer compose;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void up() {
		String image = "ob-session-console:" + System.getProperty("project.version", "0.1.0-SNAPSHOT");
		boolean present;
		try {
			DockerClientFactory.instance().client().inspectImageCmd(image).exec();
			present = true;
		}
		catch (RuntimeException ex) {
			present = false;
		}
		Assumptions.assumeTrue(present, () -> "Image " + image
				+ " is not in Docker: build it there with ./mvnw -Pimage package jib:dockerBuild (README, Container image)");
		compose = new ComposeContainer(new File("docker-compose.yml"))
			.withEnv("CONSOLE_IMAGE", image)
			.withEnv("CONSOLE_ADMIN_PASSWORD_HASH", new BCryptPasswordEncoder().encode(PASSWORD))
			.withExposedService("obproxy", 2883)
			.withExposedService("console", 8080,
					Wait.forHttp("/actuator/health/readiness").forStatusCode(200)
						.withStartupTimeout(Duration.ofMinutes(15)));
		compose.start();
	}

	@AfterAll
	static void down() {
		if (compose != null) {
			compose.stop();
		}
	}

	@Test
	void listsAndClosesASessionOfTenantTestThroughObProxy() throws Exception {
		String marker = "compose-" + System.nanoTime();
		String url = "jdbc:mysql://" + compose.getServiceHost("obproxy", 2883) + ":"
				+ compose.getServicePort("obproxy", 2883) + "/oceanbase";
		try (Connection victim = DriverManager.getConnection(url, "root@test#obcluster", "console-tenant-pw")) {
			CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> {
				try (Statement sql = victim.createStatement()) {
					sql.execute("SELECT SLEEP(600), '" + marker + "'");
					return null;
				}
				catch (SQLException ex) {
					return ex;
				}
			});
			JsonNode session = awaitSession(VIA_PROXY, marker);
			assertThat(session.get("user").asString()).isEqualTo("root");
			// The sys tenant target, straight on the observer, sees it in tenant test.
			assertThat(awaitSession(SYS, marker).get("tenant").asString()).isEqualTo("test");

			HttpResponse<String> close = send(HttpRequest.newBuilder(console("/api/targets/" + VIA_PROXY + "/sessions/"
					+ session.get("id").asString() + "/close"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
			JsonNode answer = JSON.readTree(close.body());
			assertThat(answer.get("outcome").asString()).as(close.body()).isEqualTo("CLOSED");
			// The connection through the proxy is gone: its statement ends with an error.
			SQLException ended = running.get(30, TimeUnit.SECONDS);
			assertThat((Throwable) ended).as("the statement through OBProxy ended with an error").isNotNull();

			HttpResponse<String> audit = send(HttpRequest.newBuilder(console("/api/audit?target=" + VIA_PROXY)).GET());
			assertThat(audit.statusCode()).isEqualTo(200);
			assertThat(audit.body()).contains(session.get("id").asString()).contains("CLOSED");
		}
	}

	private JsonNode awaitSession(String target, String marker) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			for (JsonNode session : list(target).get("sessions")) {
				if (session.path("sql").asString("").contains(marker)) {
					return session;
				}
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No session running " + marker + " in " + target);
	}

	private JsonNode list(String target) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(console("/api/targets/" + target + "/sessions")).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return this.http.send(request.header("Authorization", "Basic " + basic).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI console(String path) {
		return URI.create("http://" + compose.getServiceHost("console", 8080) + ":"
				+ compose.getServicePort("console", 8080) + path);
	}

}
