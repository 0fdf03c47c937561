package com.obconsole.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.obconsole.browser.HeadlessChromium;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestTargets;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.TestSession;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12 as observed: a browser that holds the operator's Basic credentials for the console
 * opens a page of another port of the same host, and that page tries to close live seekdb
 * sessions and switch tracing. Nothing changes, each try is in the log, and the same calls from a
 * script succeed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OtherOriginBrowserTests {

	static HeadlessChromium browser;

	static HttpServer otherOrigin;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "local-seekdb", LocalEngines.seekdb());
	}

	@BeforeAll
	static void start(@LocalServerPort int port) throws Exception {
		browser = HeadlessChromium.start("http://127.0.0.1:" + port, 1200, 800);
		otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		otherOrigin.createContext("/", (exchange) -> {
			byte[] page = "<!doctype html><title>elsewhere</title><p>another origin</p>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		otherOrigin.start();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		if (otherOrigin != null) {
			otherOrigin.stop(0);
		}
	}

	@Test
	void pageOfAnotherPortCannotCloseOrTraceWithTheBrowsersCredentials(@LocalServerPort int port,
			CapturedOutput output) throws Exception {
		boolean traces = SeekdbRelease.standard() == SeekdbRelease.V1_3;
		String console = "http://127.0.0.1:" + port;
		String api = "/api/targets/local-seekdb/sessions";
		try (TestSession idle = TestSession.idle(LocalEngines.seekdb());
				TestSession batched = TestSession.idle(LocalEngines.seekdb());
				TestSession traced = TestSession.idle(LocalEngines.seekdb());
				TestSession sleeping = TestSession.running(LocalEngines.seekdb(), "SELECT SLEEP(600)")) {
			String traceBefore = script("GET", console + api + "/" + traced.idText() + "/trace", null).body();

			// The API's 401 says Bearer, so Chromium does not use (or keep) credentials from the URL.
			browser.driver().get("http://operator:" + TestUsers.PASSWORD + "@127.0.0.1:" + port + api);
			browser.open("/login");
			assertThat(fetchStatus(api, "{method: 'GET', credentials: 'include'}")).isEqualTo("401");
			// As with a browser that still holds them from before: Chromium adds them to every call.
			((ChromeDriver) browser.driver()).executeCdpCommand("Network.enable", Map.of());
			((ChromeDriver) browser.driver()).executeCdpCommand("Network.setExtraHTTPHeaders",
					Map.of("headers", Map.of("Authorization", "Basic " + basic())));
			browser.open("/login");
			assertThat(fetchStatus(console + api, "{method: 'GET', credentials: 'include'}")).isEqualTo("200");

			browser.driver().get("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/");
			List<String> attempts = List.of("POST " + api + "/" + idle.idText() + "/close",
					"POST " + api + "/" + sleeping.idText() + "/close-query", "POST " + api + "/close",
					"PUT " + api + "/" + traced.idText() + "/trace", "DELETE " + api + "/" + traced.idText() + "/trace");
			String batch = "{\"ids\":[\"" + batched.idText() + "\"]}";
			String trace = "{\"level\":1,\"samplePercent\":100,\"recordPolicy\":\"ALL\"}";
			for (String attempt : attempts) {
				String method = attempt.substring(0, attempt.indexOf(' '));
				String url = console + attempt.substring(attempt.indexOf(' ') + 1);
				String body = attempt.endsWith("/sessions/close") ? batch : method.equals("PUT") ? trace : "{}";
				String noCors = fetchStatus(url, "{method: '" + method + "', mode: 'no-cors', credentials: 'include',"
						+ " body: " + (method.equals("DELETE") ? "undefined" : "'" + body + "'") + "}");
				String cors = fetchStatus(url, "{method: '" + method + "', mode: 'cors', credentials: 'include',"
						+ " headers: {'Content-Type': 'application/json'}, body: "
						+ (method.equals("DELETE") ? "undefined" : "'" + body + "'") + "}");
				// no-cors hides the status (0, opaque) or refuses PUT/DELETE outright; CORS fails its preflight.
				assertThat(noCors).as("no-cors %s", attempt).isIn("0", "TypeError");
				assertThat(cors).as("cors %s", attempt).isEqualTo("TypeError");
			}

			assertThat(idle.isUsable()).isTrue();
			assertThat(batched.isUsable()).isTrue();
			assertThat(sleeping.isStatementRunning()).isTrue();
			assertThat(script("GET", console + api + "/" + traced.idText() + "/trace", null).body())
				.isEqualTo(traceBefore);
			String origin = "Origin=http://127.0.0.1:" + otherOrigin.getAddress().getPort();
			for (String post : attempts.subList(0, 3)) {
				assertThat(output.getOut()).as("log of %s", post)
					.containsPattern("API call refused \\(another origin\\): " + java.util.regex.Pattern.quote(post)
							+ " " + java.util.regex.Pattern.quote(origin) + " Sec-Fetch-Site=\\S+ user=operator");
			}

			// The same calls from a script.
			assertThat(script("POST", console + api + "/" + sleeping.idText() + "/close-query", "{}").body())
				.contains("\"outcome\":\"CLOSED\"");
			assertThat(sleeping.statementEnds(Duration.ofSeconds(20))).isTrue();
			assertThat(script("POST", console + api + "/" + idle.idText() + "/close", "{}").body())
				.contains("\"outcome\":\"CLOSED\"");
			assertThat(script("POST", console + api + "/close", batch).body()).contains("\"outcome\":\"CLOSED\"");
			assertThat(idle.isUsable()).isFalse();
			assertThat(batched.isUsable()).isFalse();
			if (traces) {
				assertThat(script("PUT", console + api + "/" + traced.idText() + "/trace", trace).body())
					.contains("\"outcome\":\"ENABLED\"");
				assertThat(script("DELETE", console + api + "/" + traced.idText() + "/trace", null).statusCode())
					.isEqualTo(200);
			}
		}
	}

	/** The status a fetch from the current page gets, or the name of the error it fails with. */
	private static String fetchStatus(String url, String init) {
		Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], %s).then((r) => done(String(r.status)), (e) => done(e.name));
				""".formatted(init), url);
		return String.valueOf(result);
	}

	private static HttpResponse<String> script(String method, String url, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Basic " + basic())
			.header("Accept", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (!method.equals("GET")) {
			request.header("Content-Type", "application/json");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return Base64.getEncoder()
			.encodeToString((TestUsers.OPERATOR + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
