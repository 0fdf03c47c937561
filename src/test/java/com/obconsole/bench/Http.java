package com.obconsole.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark's HTTP client on the console's API, sending HTTP Basic credentials when it has
 * them (the API asks for them once sign-in is on).
 */
final class Http implements AutoCloseable {

	private final String base;

	private final String authorization;

	private final ExecutorService executor = Executors.newFixedThreadPool(4, (r) -> {
		Thread thread = new Thread(r, "bench-http");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient client;

	/**
	 * @param base e.g. {@code http://127.0.0.1:54321}
	 * @param user HTTP Basic user, or {@code null} for none
	 * @param password its password
	 */
	Http(String base, String user, String password) {
		this(base, (user == null || user.isEmpty()) ? null
				: "Basic " + Base64.getEncoder()
					.encodeToString((user + ":" + (password != null ? password : "")).getBytes(StandardCharsets.UTF_8)));
	}

	/** With this Authorization header on every request ({@code Bearer obsc_…}), or none if null. */
	Http(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(this.executor)
			.build();
	}

	/** An answer: status and body. */
	record Answer(int status, String body) {

		Answer requireOk(String what) throws IOException {
			if (this.status != 200) {
				throw new IOException(what + " answered HTTP " + this.status + ": " + this.body);
			}
			return this;
		}

	}

	Answer get(String path) throws IOException, InterruptedException {
		return answer(this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
	}

	/** With one more header, e.g. Accept-Language or Cookie. */
	Answer get(String path, String header, String value) throws IOException, InterruptedException {
		return answer(this.client.send(request(path).header(header, value).GET().build(),
				HttpResponse.BodyHandlers.ofString()));
	}

	CompletableFuture<Answer> getAsync(String path) {
		return this.client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString())
			.thenApply(Http::answer);
	}

	Answer post(String path, String json) throws IOException, InterruptedException {
		HttpRequest request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return answer(this.client.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private static Answer answer(HttpResponse<String> response) {
		return new Answer(response.statusCode(), response.body());
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
