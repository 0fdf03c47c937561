package com.obconsole.localengine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The console as users run it: {@code java -jar} of the packaged jar (failsafe passes its path as
 * {@code console.jar}), in a process of its own that a test can kill with SIGKILL. Settings go in
 * as command-line arguments; its log goes to a file next to its data.
 */
public final class ConsoleProcess implements AutoCloseable {

	/** A bcrypt hash (cost 4) of {@link #PASSWORD}, for the users a test gives the console. */
	public static final String PASSWORD_HASH = "$2a$04$Jq8SVib3HF8DqsgFOxi2G.xdAsa0Q2mzYaQ.u1aAZYQPnfdWjQW1u";

	public static final String PASSWORD = "console-test-pw";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final String baseUrl;

	private final Path log;

	private ConsoleProcess(Process process, String baseUrl, Path log) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.log = log;
	}

	/** Starts the jar with these settings and waits until its sign-in page answers. */
	public static ConsoleProcess start(Path workDir, Map<String, String> settings) throws IOException {
		String jar = System.getProperty("console.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("no console jar at console.jar=" + jar + " (run under failsafe, after package)");
		}
		int port = FreePorts.unused();
		Files.createDirectories(workDir);
		Path log = Files.createTempFile(workDir, "console-", ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", jar, "--server.port=" + port, "--spring.main.banner-mode=off"));
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		Process process = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		ConsoleProcess console = new ConsoleProcess(process, "http://127.0.0.1:" + port, log);
		console.awaitSignInPage(Duration.ofSeconds(90));
		return console;
	}

	private void awaitSignInPage(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the console exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			try {
				HttpResponse<Void> page = HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/login"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (page.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			sleep(200);
		}
		close();
		throw new IllegalStateException("the console did not answer within " + timeout + ":\n" + logTail());
	}

	/** Users operator (OPERATOR) and admin (ADMIN), password {@link #PASSWORD}, into a process's settings. */
	public static void addOperatorAndAdmin(Map<String, String> settings) {
		String[] users = { "operator", "OPERATOR", "admin", "ADMIN" };
		for (int i = 0; i < users.length / 2; i++) {
			settings.put("console.security.users[" + i + "].username", users[2 * i]);
			settings.put("console.security.users[" + i + "].password-hash", PASSWORD_HASH);
			settings.put("console.security.users[" + i + "].roles", users[2 * i + 1]);
		}
	}

	/** A request with HTTP Basic for this user, answered as text. */
	public CompletableFuture<HttpResponse<String>> send(String method, String path, String user, String body) {
		return send(URI.create(this.baseUrl + path), method, user, body);
	}

	/**
	 * An API request with HTTP Basic for a test user (password {@link #PASSWORD}) to any console, this
	 * process or one in the test's JVM, answered as text.
	 */
	public static CompletableFuture<HttpResponse<String>> send(URI uri, String method, String user, String body) {
		String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Basic " + basic)
			.header("Accept", "application/json");
		if (!"GET".equals(method)) {
			// The API takes a change only with a JSON content type, body or not.
			request.header("Content-Type", "application/json");
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody());
		return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** {@link #send} and wait for the answer. */
	public HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
		return send(method, path, user, body).get(120, TimeUnit.SECONDS);
	}

	/** SIGKILL, as a power cut or the OOM killer would: no shutdown hook runs. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the console survived SIGKILL for 30 s");
		}
	}

	/** SIGTERM, as a deploy or a scale-down sends: the console stops as it is configured to (gracefully). */
	public CompletableFuture<Process> terminate() {
		this.process.destroy();
		return this.process.onExit();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			Processes.stop(this.process, Duration.ofSeconds(20));
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
