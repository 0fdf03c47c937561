package com.obconsole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import com.obconsole.localengine.DemoSessions;
import com.obconsole.localengine.FreePorts;
import com.obconsole.localengine.SeekdbDistribution;
import com.obconsole.localengine.SeekdbRelease;
import com.obconsole.localengine.SeekdbServer;

import org.springframework.boot.SpringApplication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code ./mvnw spring-boot:test-run}: starts a local seekdb, opens a few live sessions on it, and
 * runs the console pointed at it, with demo users {@code admin}, {@code operator} and
 * {@code viewer}. Everything is stopped when the console stops.
 */
public final class DemoConsoleApplication {

	private static final String[] DEMO_USERS = { "admin", "operator", "viewer" };

	/** No 0/O or 1/l/I, so that a password read off a terminal is typed right the first time. */
	private static final String PASSWORD_LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private DemoConsoleApplication() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println("Starting a local seekdb (the first run downloads its wheel from PyPI)...");
		Path dataDir = Files.createTempDirectory("seekdb-");
		AtomicReference<SeekdbServer> engine = new AtomicReference<>();
		AtomicReference<DemoSessions> opened = new AtomicReference<>();
		// Registered before anything starts, so that Ctrl+C while seekdb starts leaves nothing behind either.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (opened.get() != null) {
				opened.get().close();
			}
			if (engine.get() != null) {
				engine.get().close();
			}
			else {
				SeekdbServer.abandon(dataDir);
			}
		}, "stop-demo-engine"));
		engine.set(SeekdbServer.start(SeekdbDistribution.of(SeekdbRelease.standard()), dataDir, FreePorts.unused(), true));
		SeekdbServer seekdb = engine.get();
		opened.set(DemoSessions.open(seekdb));
		System.out.println("seekdb answers on 127.0.0.1:" + seekdb.port() + " (user root, no password); data directory "
				+ seekdb.baseDir() + ", pid " + seekdb.pid());
		// System properties outrank application.yml, so the demo always watches its own engine.
		System.setProperty("console.targets[0].name", "local-seekdb");
		System.setProperty("console.targets[0].url", seekdb.jdbcUrl());
		System.setProperty("console.targets[0].username", seekdb.username());
		System.setProperty("console.targets[0].password", seekdb.password());
		String given = System.getenv("CONSOLE_DEMO_PASSWORD");
		String password = (given != null && !given.isBlank()) ? given : generatedPassword();
		String hash = new BCryptPasswordEncoder().encode(password);
		for (int i = 0; i < DEMO_USERS.length; i++) {
			System.setProperty("console.security.users[" + i + "].username", DEMO_USERS[i]);
			System.setProperty("console.security.users[" + i + "].password-hash", hash);
			System.setProperty("console.security.users[" + i + "].roles", DEMO_USERS[i].toUpperCase(Locale.ROOT));
		}
		SpringApplication.run(SessionConsoleApplication.class, args);
		// Printed last, so that it is the line on the screen when start-up is done.
		System.out.println("Demo users admin, operator and viewer; password: "
				+ ((given != null && !given.isBlank()) ? "(from CONSOLE_DEMO_PASSWORD)" : password));
	}

	private static String generatedPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
		}
		return password.toString();
	}

}
