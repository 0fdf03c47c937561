package com.obconsole.instances;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.obconsole.localengine.ConsoleDatabases;
import com.obconsole.localengine.ConsoleProcess;
import com.obconsole.localengine.FreezingProxy;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.MariaDbServer;
import com.obconsole.localengine.TestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two consoles as users run them ({@code java -jar}) sharing a MariaDB console database: one is
 * sent SIGTERM in the middle of a batch close of real MariaDB sessions (its target held by a frozen
 * proxy) and finishes and audits it before it exits, while the other serves the list.
 */
class SeveralInstancesIT {

	private static final String TARGET = "mine";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path workDir;

	@Test
	void sigtermDuringABatchCloseFinishesAndAuditsItWhileTheOtherInstanceServesTheList() throws Exception {
		MariaDbServer mariadb = LocalEngines.mariadb();
		ConsoleDatabases.Connect database = ConsoleDatabases.MARIADB.fresh();
		List<TestSession> victims = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			victims.add(TestSession.idle(mariadb));
		}
		List<String> ids = victims.stream().map(TestSession::idText).toList();
		try (FreezingProxy proxy = FreezingProxy.to(mariadb.port());
				ConsoleProcess a = ConsoleProcess.start(this.workDir.resolve("a"),
						settings(database, mariadb.jdbcUrl().replace(":" + mariadb.port() + "/", ":" + proxy.port() + "/")));
				ConsoleProcess b = ConsoleProcess.start(this.workDir.resolve("b"), settings(database, mariadb.jdbcUrl()))) {
			proxy.freeze();
			String body = "{\"ids\":[" + String.join(",", ids.stream().map((id) -> "\"" + id + "\"").toList()) + "]}";
			CompletableFuture<HttpResponse<String>> batch = a.send("POST", "/api/targets/" + TARGET + "/sessions/close",
					"operator", body);
			awaitIntents(database, ids);
			CompletableFuture<Process> exited = a.terminate();
			Thread.sleep(1500);
			assertThat(exited).as("A waits for its close in flight").isNotDone();

			HttpResponse<String> list = b.call("GET", "/api/targets/" + TARGET + "/sessions?size=500", "operator", null);
			assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
			assertThat(list.body()).contains(ids.stream().map((id) -> "\"" + id + "\"").toList());

			proxy.thaw();
			HttpResponse<String> answer = batch.get(60, TimeUnit.SECONDS);
			exited.get(60, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			assertThat(JSON.readTree(answer.body()).findValuesAsString("outcome")).as(answer.body())
				.containsExactly("CLOSED", "CLOSED", "CLOSED");
			assertThat(a.logTail()).doesNotContain("ERROR");

			HttpResponse<String> audit = b.call("GET", "/api/audit?target=" + TARGET + "&size=500", "admin", null);
			List<JsonNode> records = new ArrayList<>();
			JSON.readTree(audit.body()).path("records").forEach(records::add);
			for (TestSession victim : victims) {
				List<JsonNode> ofSession = records.stream()
					.filter((r) -> victim.idText().equals(r.path("sessionId").asString()))
					.toList();
				assertThat(ofSession).as("session %s in %s", victim.idText(), records).hasSize(1);
				assertThat(ofSession.get(0).path("outcome").asString()).isEqualTo("CLOSED");
				assertThat(victim.isUsable()).isFalse();
			}
		}
		finally {
			victims.forEach(TestSession::close);
		}
	}

	private static Map<String, String> settings(ConsoleDatabases.Connect database, String targetUrl) {
		MariaDbServer mariadb = LocalEngines.mariadb();
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", database.url());
		settings.put("spring.datasource.username", database.username());
		settings.put("spring.datasource.password", database.password());
		settings.put("console.targets[0].name", TARGET);
		settings.put("console.targets[0].url", targetUrl);
		settings.put("console.targets[0].username", mariadb.username());
		settings.put("console.targets[0].password", mariadb.password());
		settings.put("console.connection.socket-timeout", "120s");
		settings.put("console.connection.query-timeout", "120s");
		ConsoleProcess.addOperatorAndAdmin(settings);
		return settings;
	}

	private static void awaitIntents(ConsoleDatabases.Connect database, List<String> ids) throws Exception {
		String in = String.join(",", ids.stream().map((id) -> "'" + id + "'").toList());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
					database.password());
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(
							"SELECT COUNT(*) FROM audit_record WHERE outcome = 'UNKNOWN' AND session_id IN (" + in + ")")) {
				rows.next();
				if (rows.getInt(1) == ids.size()) {
					return;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no intents for " + ids + " within 20 s");
	}

}
