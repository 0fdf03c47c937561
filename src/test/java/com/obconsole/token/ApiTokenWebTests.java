package com.obconsole.token;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestSession;
import com.obconsole.localengine.TestTargets;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** API tokens over the real security chain and the console's own store, with a real seekdb target to close on. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenWebTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "local-seekdb", LocalEngines.seekdb());
	}

	@Test
	void aTokenIsShownOnceAndOnlyItsSha256IsKept() throws Exception {
		String token = create(TestUsers.OPERATOR, "kept-" + System.nanoTime(), "VIEWER");
		assertThat(token).startsWith("obsc_").hasSize(48);
		List<Map<String, Object>> rows = JdbcClient.create(this.dataSource).sql("SELECT * FROM api_token").query().listOfRows();
		assertThat(rows).isNotEmpty();
		assertThat(rows.toString()).doesNotContain(token).doesNotContain(token.substring(5));
		assertThat(rows).anyMatch((row) -> TokenSecret.sha256Hex(token).equals(row.get("token_sha256")));
		this.mvc.perform(get("/api/tokens").with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(token))))
			.andExpect(content().string(not(containsString(TokenSecret.sha256Hex(token)))));
	}

	@Test
	void aCallWithATokenActsAsItsOwnerAndNotesTheUseOnceAMinute() throws Exception {
		String name = "used-" + System.nanoTime();
		String token = create(TestUsers.VIEWER, name, "VIEWER");
		assertThat(lastUsed(name)).isNull();
		this.mvc.perform(get("/api/targets").with(bearer(token))).andExpect(status().isOk());
		LocalDateTime first = lastUsed(name);
		assertThat(first).isNotNull();
		Thread.sleep(20);
		this.mvc.perform(get("/api/targets").with(bearer(token))).andExpect(status().isOk());
		assertThat(lastUsed(name)).as("not written again within the minute").isEqualTo(first);
		this.mvc.perform(get("/api/tokens").with(httpBasic(TestUsers.VIEWER, TestUsers.PASSWORD)))
			.andExpect(content().string(containsString("\"lastUsed\":\"")));
	}

	@Test
	void aRevokedTokenIsRefusedAtTheNextCall() throws Exception {
		String name = "revoked-" + System.nanoTime();
		String token = create(TestUsers.OPERATOR, name, "VIEWER");
		this.mvc.perform(get("/api/targets").with(bearer(token))).andExpect(status().isOk());
		long id = id(name);
		this.mvc
			.perform(delete("/api/tokens/" + id).contentType(MediaType.APPLICATION_JSON)
				.with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REVOKED"));
		this.mvc.perform(get("/api/targets").with(bearer(token))).andExpect(status().isUnauthorized());
		// Another user cannot revoke it, nor learn that it exists.
		this.mvc
			.perform(delete("/api/tokens/" + id).contentType(MediaType.APPLICATION_JSON)
				.with(httpBasic(TestUsers.VIEWER, TestUsers.PASSWORD)))
			.andExpect(status().isNotFound());
		// An id that is no number is not found either, and the answer says which was asked for.
		this.mvc
			.perform(delete("/api/tokens/abc").contentType(MediaType.APPLICATION_JSON)
				.with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no token abc that you may see."));
	}

	@Test
	void anExpiredOrMadeUpTokenIsRefused() throws Exception {
		String expired = TokenSecret.newToken();
		JdbcClient.create(this.dataSource)
			.sql("INSERT INTO api_token (name, owner, role, token_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params("old-" + System.nanoTime(), TestUsers.ADMIN, "ADMIN", TokenSecret.sha256Hex(expired),
					LocalDateTime.now(ZoneOffset.UTC).minusDays(2), LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.update();
		// Making a token reloads them all, so the expired row is known to the console, not merely missing.
		create(TestUsers.ADMIN, "reload-" + System.nanoTime(), "VIEWER");
		this.mvc.perform(get("/api/targets").with(bearer(expired))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/targets").with(bearer(TokenSecret.newToken()))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/targets").with(bearer("not-a-token")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("api.token.refused"));
		// A bad bearer value is never taken as Basic, even with a good password beside it.
		this.mvc.perform(get("/api/targets").header("Authorization", "Bearer x")).andExpect(status().isUnauthorized());
	}

	@Test
	void aViewersTokenCannotCloseAnOperatorsTokenCloses() throws Exception {
		TestSession victim = TestSession.idle(LocalEngines.seekdb());
		try {
			String viewerToken = create(TestUsers.OPERATOR, "look-" + System.nanoTime(), "VIEWER");
			String operatorName = "act-" + System.nanoTime();
			String operatorToken = create(TestUsers.OPERATOR, operatorName, "OPERATOR");
			this.mvc
				.perform(post("/api/targets/local-seekdb/sessions/" + victim.idText() + "/close")
					.contentType(MediaType.APPLICATION_JSON)
					.with(bearer(viewerToken)))
				.andExpect(status().isForbidden());
			assertThat(victim.isUsable()).isTrue();
			this.mvc
				.perform(post("/api/targets/local-seekdb/sessions/" + victim.idText() + "/close")
					.contentType(MediaType.APPLICATION_JSON)
					.with(bearer(operatorToken)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.outcome").value("CLOSED"));
			assertThat(victim.isUsable()).isFalse();
			// The audit trail names the owner and the token.
			this.mvc.perform(get("/api/audit").param("actor", "operator (token " + operatorName + ")")
				.with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.records[0].sessionId").value(victim.idText()))
				.andExpect(jsonPath("$.records[0].outcome").value("CLOSED"));
		}
		finally {
			victim.close();
		}
	}

	@Test
	void aTokenIsNeverMoreThanItsOwner() throws Exception {
		this.mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"up\",\"role\":\"OPERATOR\"}")
			.with(httpBasic(TestUsers.VIEWER, TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("role: a token of viewer may be at most VIEWER, not OPERATOR."));
		// Not even when an admin makes it for them.
		this.mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"up\",\"role\":\"ADMIN\",\"owner\":\"viewer\"}")
			.with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest());
		// Only an admin makes tokens for others.
		this.mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"other\",\"role\":\"VIEWER\",\"owner\":\"viewer\"}")
			.with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("only an admin")));
		// Roles are spelled exactly.
		this.mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"role\":\"viewer\"}")
			.with(httpBasic(TestUsers.VIEWER, TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aTokenCannotMakeOrRevokeTokens() throws Exception {
		String token = create(TestUsers.ADMIN, "maker-" + System.nanoTime(), "ADMIN");
		this.mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"child\",\"role\":\"VIEWER\"}")
			.with(bearer(token)))
			.andExpect(status().isForbidden());
	}

	@Test
	void creatingAndRevokingAreAudited() throws Exception {
		String name = "audited-" + System.nanoTime();
		create(TestUsers.OPERATOR, name, "VIEWER");
		this.mvc.perform(post("/api/tokens/" + id(name) + "/revoke").contentType(MediaType.APPLICATION_JSON)
			.with(httpBasic(TestUsers.OPERATOR, TestUsers.PASSWORD))).andExpect(status().isOk());
		String trail = this.mvc.perform(get("/api/audit").param("actor", "operator").param("size", "500")
			.with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD))).andReturn().getResponse().getContentAsString();
		JsonNode records = JSON.readTree(trail).path("records");
		assertThat(records.valueStream().filter((r) -> r.path("detail").asString().contains("name=" + name + ";")))
			.extracting((r) -> r.path("action").asString() + " " + r.path("outcome").asString())
			.containsExactly("TOKEN_REVOKE REVOKED", "TOKEN_CREATE CREATED");
	}

	@Test
	void thePageMakesATokenShowsItOnceAndRevokesIt() throws Exception {
		String name = "page-" + System.nanoTime();
		String page = this.mvc.perform(post("/tokens").param("name", name).param("role", "VIEWER").param("days", "7")
			.with(user(TestUsers.VIEWER).roles("VIEWER")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn().getResponse().getContentAsString();
		String token = page.replaceAll("(?s).*id=\"token-text\">(obsc_[A-Za-z0-9_-]{43})<.*", "$1");
		assertThat(token).startsWith("obsc_").hasSize(48);
		this.mvc.perform(get("/tokens").with(user(TestUsers.VIEWER).roles("VIEWER")))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString(token))));
		this.mvc.perform(get("/api/targets").with(bearer(token))).andExpect(status().isOk());
		this.mvc.perform(post("/tokens/" + id(name) + "/revoke").with(user(TestUsers.VIEWER).roles("VIEWER")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is revoked")));
		this.mvc.perform(get("/api/targets").with(bearer(token))).andExpect(status().isUnauthorized());
	}

	private String create(String user, String name, String role) throws Exception {
		String answer = this.mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"expiresInDays\":30}")
			.with(httpBasic(user, TestUsers.PASSWORD)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JSON.readTree(answer).path("token").asString();
	}

	private long id(String name) {
		return JdbcClient.create(this.dataSource).sql("SELECT id FROM api_token WHERE name = ?").param(name).query(Long.class).single();
	}

	private LocalDateTime lastUsed(String name) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT last_used_at FROM api_token WHERE name = ?")
			.param(name)
			.query(LocalDateTime.class)
			.optional()
			.orElse(null);
	}

	private static RequestPostProcessor bearer(String token) {
		return (request) -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

}
