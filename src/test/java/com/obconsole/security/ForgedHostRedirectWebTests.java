package com.obconsole.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.TestTargets;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request with a forged {@code Host:} header never gets a redirect to that host: every
 * {@code Location} the console sends (sign-in entry point, sign-in success and failure, sign-out,
 * the controllers' own redirects) is a path on the host the browser already talks to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForgedHostRedirectWebTests {

	static final String FORGED_HOST = "evil.example";

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.registerDown(registry, 0, "down", FreePorts.unused());
	}

	@LocalServerPort
	int port;

	@Test
	void pageWithoutSignInRedirectsToTheSignInPageHere() {
		Response answer = send("GET /targets/down/sessions HTTP/1.1", null, null);
		assertThat(answer.status()).isEqualTo(302);
		assertRelative(answer, "/login");
	}

	@Test
	void signInSuccessFailureAndSignOutRedirectHere() {
		Response login = send("GET /login HTTP/1.1", null, null);
		String cookie = login.sessionCookie().orElseThrow();
		String token = BrowserSession.csrfTokenOf(login.body());

		Response failed = send("POST /login HTTP/1.1", cookie, form(TestUsers.VIEWER, "wrong-password", token));
		assertThat(failed.status()).isEqualTo(302);
		assertRelative(failed, "/login?error");

		Response signedIn = send("POST /login HTTP/1.1", cookie, form(TestUsers.VIEWER, TestUsers.PASSWORD, token));
		assertThat(signedIn.status()).isEqualTo(302);
		assertRelative(signedIn, "/");
		String session = signedIn.sessionCookie().orElse(cookie);

		Response loginAgain = send("GET /login HTTP/1.1", session, null);
		assertThat(loginAgain.status()).isEqualTo(302);
		assertRelative(loginAgain, "/");

		Response diagnostics = send("GET /clusters/down/diagnostics HTTP/1.1", session, null);
		assertThat(diagnostics.status()).isEqualTo(302);
		assertRelative(diagnostics, "/clusters/down/diagnostics/sessions");

		String pageToken = BrowserSession.csrfTokenOf(send("GET / HTTP/1.1", session, null).body());
		Response signedOut = send("POST /logout HTTP/1.1", session, "_csrf=" + encode(pageToken));
		assertThat(signedOut.status()).isEqualTo(302);
		assertRelative(signedOut, "/login?logout");
	}

	private static void assertRelative(Response answer, String path) {
		String location = answer.header("Location").orElseThrow();
		assertThat(location).doesNotContainIgnoringCase(FORGED_HOST).startsWith(path).doesNotContain("://");
	}

	private static String form(String username, String password, String token) {
		return "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One request over a raw socket, so that nothing stops the forged Host header on its way. */
	private Response send(String requestLine, String cookie, String form) {
		StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: ")
			.append(FORGED_HOST)
			.append("\r\nConnection: close\r\n");
		if (cookie != null) {
			request.append("Cookie: ").append(cookie).append("\r\n");
		}
		byte[] body = (form != null) ? form.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (form != null) {
			request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
				.append(body.length)
				.append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			return Response.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Response(int status, List<String> headers, String body) {

		static Response parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String[] lines = raw.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
			return new Response(status, headers, raw.substring(end + 4));
		}

		Optional<String> header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return this.headers.stream()
				.filter((h) -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map((h) -> h.substring(prefix.length()).trim())
				.findFirst();
		}

		/** The new session cookie, as "SESSION=…" (Spring Session's cookie), if the answer sets one. */
		Optional<String> sessionCookie() {
			return this.headers.stream()
				.filter((h) -> h.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
				.map((h) -> h.substring("set-cookie:".length()).trim().split(";")[0])
				.filter((c) -> c.startsWith("SESSION="))
				.findFirst();
		}

	}

}
