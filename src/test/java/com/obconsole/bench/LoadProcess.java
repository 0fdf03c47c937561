package com.obconsole.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parent's handle on the {@link SessionLoad} JVM. */
final class LoadProcess implements AutoCloseable {

	private static final Pattern READY = Pattern.compile(
			"READY open=(\\d+) active=(\\d+) running=(\\d+) tx=(\\d+) seconds=([0-9.]+) error=(.*)");

	/** What the load holds after a {@code grow}. */
	record Level(int open, int active, int running, int inTransaction, double seconds, String error) {

		boolean stopped() {
			return !this.error.isEmpty();
		}

	}

	private final Process process;

	private final BufferedReader out;

	private final Writer in;

	private LoadProcess(Process process) {
		this.process = process;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
	}

	static LoadProcess start(String url, String user, String password, String adminUser, String adminPassword,
			int sleepSeconds, String sessionInit, int maxActive, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xss256k", "-Xmx1g", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), SessionLoad.class.getName(), url, user, password, adminUser,
				adminPassword, String.valueOf(sleepSeconds), sessionInit, String.valueOf(maxActive));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new LoadProcess(process);
	}

	/** Grows the load to {@code n} sessions (or as far as it goes) and says what it holds. */
	Level grow(int n) throws IOException {
		this.in.write("grow " + n + "\n");
		this.in.flush();
		String line;
		while ((line = this.out.readLine()) != null) {
			Matcher m = READY.matcher(line);
			if (m.matches()) {
				return new Level(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Double.parseDouble(m.group(5)),
						m.group(6).trim());
			}
		}
		throw new IOException("the session load process ended (exit " + exitValue() + "); see target/bench/load.log");
	}

	long pid() {
		return this.process.pid();
	}

	private String exitValue() {
		try {
			return this.process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(this.process.exitValue()) : "none yet";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	@Override
	public void close() {
		try {
			this.in.write("quit\n");
			this.in.flush();
			this.in.close();
		}
		catch (IOException ex) {
			// Gone already.
		}
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
