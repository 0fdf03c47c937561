package com.obconsole.audit;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.obconsole.localengine.ConsoleProcess;
import com.obconsole.localengine.FreezingProxy;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.MariaDbServer;
import com.obconsole.localengine.SeekdbServer;
import com.obconsole.localengine.TestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing the console acknowledged is lost, and nothing it did goes unrecorded, when its process
 * dies: the console runs as {@code java -jar}, closes real seekdb sessions and is killed with
 * SIGKILL, on the default H2 file store and on a MariaDB store.
 */
class AuditCrashIT {

	private static final String TARGET = "mine";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path workDir;

	enum Store {

		H2, MARIADB

	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aCloseAnsweredClosedIsInTheTrailAfterSigkill(Store store) throws Exception {
		SeekdbServer seekdb = LocalEngines.seekdb();
		Map<String, String> settings = settings(store, seekdb.jdbcUrl());
		List<String> closed = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			TestSession victim = TestSession.idle(seekdb);
			ConsoleProcess console = ConsoleProcess.start(this.workDir, settings);
			try {
				long start = System.nanoTime();
				HttpResponse<String> answer = console.call("POST",
						"/api/targets/" + TARGET + "/sessions/" + victim.idText() + "/close", "operator", null);
				// SIGKILL the moment the answer is in: H2's default write delay lost this record.
				console.kill();
				System.out.printf("audit-crash: %s close answered in %.1f ms, then SIGKILL%n", store,
						(System.nanoTime() - start) / 1e6);
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
				assertThat(JSON.readTree(answer.body()).path("outcome").asString()).as(answer.body()).isEqualTo("CLOSED");
				assertThat(victim.isUsable()).isFalse();
				closed.add(victim.idText());
			}
			finally {
				console.close();
				victim.close();
			}
		}
		try (ConsoleProcess restarted = ConsoleProcess.start(this.workDir, settings)) {
			List<JsonNode> records = records(restarted);
			for (String id : closed) {
				List<JsonNode> ofSession = ofSession(records, id);
				assertThat(ofSession).as("the trail after restart, session %s: %s", id, records).hasSize(1);
				assertThat(ofSession.get(0).path("outcome").asString()).isEqualTo("CLOSED");
				assertThat(ofSession.get(0).path("action").asString()).isEqualTo("CLOSE_SESSION");
				assertThat(ofSession.get(0).path("actor").asString()).isEqualTo("operator");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aBatchCloseAnsweredIsInTheTrailAfterSigkillOneRecordPerSession(Store store) throws Exception {
		SeekdbServer seekdb = LocalEngines.seekdb();
		Map<String, String> settings = settings(store, seekdb.jdbcUrl());
		List<TestSession> victims = List.of(TestSession.idle(seekdb), TestSession.idle(seekdb), TestSession.idle(seekdb));
		String ids = String.join(",", victims.stream().map((v) -> "\"" + v.idText() + "\"").toList());
		try {
			try (ConsoleProcess console = ConsoleProcess.start(this.workDir, settings)) {
				// The batch's intents and outcomes are each written in one transaction, synced once.
				HttpResponse<String> answer = console.call("POST", "/api/targets/" + TARGET + "/sessions/close",
						"operator", "{\"ids\":[" + ids + "]}");
				console.kill();
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
				assertThat(JSON.readTree(answer.body()).findValuesAsString("outcome")).as(answer.body())
					.containsExactly("CLOSED", "CLOSED", "CLOSED");
			}
			try (ConsoleProcess restarted = ConsoleProcess.start(this.workDir, settings)) {
				List<JsonNode> records = records(restarted);
				for (TestSession victim : victims) {
					List<JsonNode> ofSession = ofSession(records, victim.idText());
					assertThat(ofSession).as("the trail after restart, session %s: %s", victim.idText(), records)
						.hasSize(1);
					assertThat(ofSession.get(0).path("outcome").asString()).isEqualTo("CLOSED");
					assertThat(victim.isUsable()).isFalse();
				}
			}
		}
		finally {
			victims.forEach(TestSession::close);
		}
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aConsoleKilledMidCloseLeavesAnAttemptWithOutcomeUnknown(Store store) throws Exception {
		SeekdbServer seekdb = LocalEngines.seekdb();
		TestSession victim = TestSession.idle(seekdb);
		Map<String, String> direct = settings(store, seekdb.jdbcUrl());
		try (FreezingProxy proxy = FreezingProxy.to(seekdb.port())) {
			Map<String, String> proxied = new LinkedHashMap<>(direct);
			proxied.put("console.targets[0].url", seekdb.jdbcUrl().replace(":" + seekdb.port() + "/", ":" + proxy.port() + "/"));
			// The hang must outlast the test's wait: no socket timeout ends it first.
			proxied.put("console.connection.socket-timeout", "120s");
			proxied.put("console.connection.query-timeout", "120s");
			try (ConsoleProcess console = ConsoleProcess.start(this.workDir, proxied)) {
				HttpResponse<String> list = console.call("GET", "/api/targets/" + TARGET + "/sessions?size=1", "admin", null);
				assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
				proxy.freeze();
				CompletableFuture<HttpResponse<String>> answer = console.send("POST",
						"/api/targets/" + TARGET + "/sessions/" + victim.idText() + "/close", "operator", null);
				awaitIntent(store, victim.idText());
				assertThat(answer).as("the close hangs on the frozen target").isNotDone();
				console.kill();
			}
		}
		try (ConsoleProcess restarted = ConsoleProcess.start(this.workDir, direct)) {
			List<JsonNode> ofSession = ofSession(records(restarted), victim.idText());
			assertThat(ofSession).hasSize(1);
			assertThat(ofSession.get(0).path("outcome").asString()).isEqualTo(AuditRecord.UNKNOWN);
			assertThat(ofSession.get(0).path("actor").asString()).isEqualTo("operator");
			assertThat(ofSession.get(0).path("action").asString()).isEqualTo("CLOSE_SESSION");
		}
		finally {
			// The KILL never reached the engine.
			assertThat(victim.isUsable()).isTrue();
			victim.close();
		}
	}

	@Test
	void aCloseIsRefusedWhileTheStoreIsDownAndNothingIsClosed() throws Exception {
		SeekdbServer seekdb = LocalEngines.seekdb();
		TestSession victim = TestSession.idle(seekdb);
		MariaDbServer storeServer = MariaDbServer.startTemporary();
		Map<String, String> settings = settings(storeServer, seekdb.jdbcUrl());
		// Give up on the store within 2 s, not Hikari's default 30 s.
		settings.put("spring.datasource.hikari.connection-timeout", "2000");
		try (ConsoleProcess console = ConsoleProcess.start(this.workDir, settings)) {
			storeServer.close();
			HttpResponse<String> answer = console.call("POST",
					"/api/targets/" + TARGET + "/sessions/" + victim.idText() + "/close", "operator", null);
			JsonNode result = JSON.readTree(answer.body());
			assertThat(result.path("outcome").asString()).as(answer.body()).isEqualTo("REFUSED");
			assertThat(result.path("message").asString()).contains("audit trail cannot be written")
				.contains("Nothing was closed");
			assertThat(victim.isUsable()).as("the session was not closed unrecorded").isTrue();
		}
		finally {
			victim.close();
			storeServer.close();
		}
	}

	/** Waits until the intent is in the store: read there directly on MariaDB; on H2 the file is the console's. */
	private void awaitIntent(Store store, String sessionId) throws Exception {
		if (store == Store.H2) {
			Thread.sleep(2000);
			return;
		}
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (System.nanoTime() < deadline) {
			try (Connection connection = DriverManager.getConnection(this.storeUrl, this.storeUser, this.storePassword);
					PreparedStatement select = connection.prepareStatement(
							"SELECT COUNT(*) FROM audit_record WHERE session_id = ? AND outcome = 'UNKNOWN'")) {
				select.setString(1, sessionId);
				try (ResultSet rows = select.executeQuery()) {
					rows.next();
					if (rows.getInt(1) == 1) {
						return;
					}
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no intent for session " + sessionId + " in the store within 20 s");
	}

	private String storeUrl;

	private String storeUser;

	private String storePassword;

	private Map<String, String> settings(Store store, String targetUrl) throws SQLException {
		if (store == Store.H2) {
			Map<String, String> settings = base(targetUrl);
			settings.put("spring.datasource.url", "jdbc:h2:file:" + this.workDir.resolve("data/console")
					+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=FALSE");
			return settings;
		}
		return settings(LocalEngines.mariadb(), targetUrl);
	}

	/** The console's store in a fresh database on this server. */
	private Map<String, String> settings(LocalServer storeServer, String targetUrl) throws SQLException {
		String database = "console_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = storeServer.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		this.storeUrl = storeServer.jdbcUrl().replace("/?", "/" + database + "?");
		this.storeUser = storeServer.username();
		this.storePassword = storeServer.password();
		Map<String, String> settings = base(targetUrl);
		settings.put("spring.datasource.url", this.storeUrl);
		settings.put("spring.datasource.username", this.storeUser);
		settings.put("spring.datasource.password", this.storePassword);
		return settings;
	}

	private static Map<String, String> base(String targetUrl) {
		SeekdbServer seekdb = LocalEngines.seekdb();
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("console.targets[0].name", TARGET);
		settings.put("console.targets[0].url", targetUrl);
		settings.put("console.targets[0].username", seekdb.username());
		settings.put("console.targets[0].password", seekdb.password());
		ConsoleProcess.addOperatorAndAdmin(settings);
		return settings;
	}

	private static List<JsonNode> records(ConsoleProcess console) throws Exception {
		HttpResponse<String> page = console.call("GET", "/api/audit?target=" + TARGET + "&size=100", "admin", null);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		List<JsonNode> records = new ArrayList<>();
		JSON.readTree(page.body()).path("records").forEach(records::add);
		return records;
	}

	private static List<JsonNode> ofSession(List<JsonNode> records, String sessionId) {
		return records.stream().filter((r) -> sessionId.equals(r.path("sessionId").asString())).toList();
	}

}
