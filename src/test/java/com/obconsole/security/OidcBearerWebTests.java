package com.obconsole.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.obconsole.localengine.FreePorts;
import com.obconsole.token.ApiTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Authorization: Bearer <JWT>} from a real provider ({@link TestOidcProvider}) on the API:
 * a token the provider issued is accepted with the role of its groups; an expired one, one signed
 * with another key, and one whose groups map to no role are refused with a 401 problem detail.
 * Also prints what each kind of bearer costs per call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OidcBearerWebTests {

	static final int PORT = FreePorts.unused();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	JsonMapper json;

	@Autowired
	OidcProvider oidc;

	@Autowired
	ApiTokens tokens;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		OidcTestSettings.consoleAt(PORT, registry);
	}

	@Test
	void aTokenTheProviderIssuedIsAcceptedWithTheRoleOfItsGroups() throws Exception {
		String jwt = clientCredentialsToken();
		HttpResponse<String> targets = get("/api/targets", jwt);
		assertThat(targets.statusCode()).isEqualTo(200);
		// console-operators → OPERATOR: more than a viewer, less than an admin.
		HttpResponse<String> audit = get("/api/audit", jwt);
		assertThat(audit.statusCode()).isEqualTo(403);
		assertThat(problem(audit).path("detail").asString()).contains("Your role OPERATOR");
		assertThat(targets.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void aViewersTokenMayNotClose() throws Exception {
		String jwt = TestOidcProvider.started()
			.signedByProvider(TestOidcProvider.VIEWER, List.of("console-viewers"), Instant.now(), Instant.now().plusSeconds(300));
		assertThat(get("/api/targets", jwt).statusCode()).isEqualTo(200);
		HttpResponse<String> close = HTTP.send(HttpRequest.newBuilder(uri("/api/targets/none/sessions/close"))
			.header("Authorization", "Bearer " + jwt)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(close.statusCode()).isEqualTo(403);
		assertThat(problem(close).path("detail").asString()).contains("Your role VIEWER");
	}

	@Test
	void expiredTokenIsRefused() throws Exception {
		// Past the validator's 60 s of allowed clock skew.
		String jwt = TestOidcProvider.started()
			.signedByProvider(TestOidcProvider.OPERATOR, List.of("console-operators"), Instant.now().minusSeconds(900),
					Instant.now().minusSeconds(300));
		assertRefused(get("/api/targets", jwt));
	}

	@Test
	void tokenSignedWithAnotherKeyIsRefused() throws Exception {
		String jwt = TestOidcProvider.started().signedByStranger(TestOidcProvider.OPERATOR, List.of("console-admins"));
		assertRefused(get("/api/targets", jwt));
	}

	@Test
	void tokenWhoseGroupsMapToNoRoleIsRefused() throws Exception {
		String jwt = TestOidcProvider.started()
			.signedByProvider(TestOidcProvider.OUTSIDER, List.of("marketing"), Instant.now(), Instant.now().plusSeconds(300));
		assertRefused(get("/api/targets", jwt));
	}

	@Test
	void garbageBearerIsRefused() throws Exception {
		assertRefused(get("/api/targets", "a.b.c"));
	}

	/**
	 * What checking each kind of bearer costs, in this JVM, after a warm-up: a console token (a
	 * SHA-256 and a map lookup) and a provider's JWT (an RS256 signature check against the cached
	 * keys, and the claims). Printed for the README, never asserted against a time.
	 */
	@Test
	void printsTheCostOfEachKindOfBearer() throws Exception {
		String jwt = clientCredentialsToken();
		OidcBearerTokens jwts = new OidcBearerTokens(this.oidc);
		String token = this.tokens.create(TestUsers.ADMIN, Role.ADMIN, TestUsers.ADMIN, "bench", Role.VIEWER, 1)
			.token();
		int calls = 20_000;
		for (int i = 0; i < calls; i++) {
			jwts.check(jwt);
			this.tokens.check(token);
		}
		long jwtNanos = time(() -> jwts.check(jwt), calls);
		long tokenNanos = time(() -> this.tokens.check(token).map(Object.class::cast), calls);
		assertThat(jwts.check(jwt)).isPresent();
		System.out.printf("BEARER COST per check, %d checks: console token %.1f µs, provider JWT (RS256) %.1f µs%n",
				calls, tokenNanos / 1000.0 / calls, jwtNanos / 1000.0 / calls);
		long httpToken = timeHttp(token, 500);
		long httpJwt = timeHttp(jwt, 500);
		System.out.printf("BEARER COST per GET /api/targets over HTTP, 500 calls: console token %.2f ms, provider JWT %.2f ms%n",
				httpToken / 1e6 / 500, httpJwt / 1e6 / 500);
	}

	private long time(java.util.function.Supplier<Optional<?>> check, int calls) {
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			if (check.get().isEmpty()) {
				throw new AssertionError("a valid bearer was refused");
			}
		}
		return System.nanoTime() - start;
	}

	private long timeHttp(String bearer, int calls) throws Exception {
		for (int i = 0; i < 100; i++) {
			get("/api/targets", bearer);
		}
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			assertThat(get("/api/targets", bearer).statusCode()).isEqualTo(200);
		}
		return System.nanoTime() - start;
	}

	private void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(problem(response).path("code").asString()).isEqualTo("api.token.refused");
	}

	private JsonNode problem(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	/** A real access token from the provider's token endpoint (client credentials of a script). */
	private String clientCredentialsToken() throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((TestOidcProvider.SCRIPT_CLIENT_ID + ":" + TestOidcProvider.SCRIPT_CLIENT_SECRET)
				.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(TestOidcProvider.started().issuer() + "/oauth2/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=console"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).path("access_token").asString();
	}

	private static HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + PORT + path);
	}


}
