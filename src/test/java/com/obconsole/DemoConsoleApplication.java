package com.obconsole;

import com.obconsole.localengine.DemoSessions;
import com.obconsole.localengine.SeekdbServer;

import org.springframework.boot.SpringApplication;

/**
 * {@code ./mvnw spring-boot:test-run}: starts a local seekdb, opens a few live sessions on it, and
 * runs the console pointed at it. Everything is stopped when the console stops.
 */
public final class DemoConsoleApplication {

	private DemoConsoleApplication() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println("Starting a local seekdb (the first run downloads its wheel, about 55 MB)...");
		SeekdbServer seekdb = SeekdbServer.startTemporary();
		DemoSessions sessions = DemoSessions.open(seekdb);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			sessions.close();
			seekdb.close();
		}, "stop-demo-engine"));
		System.out.println("seekdb answers on 127.0.0.1:" + seekdb.port() + " (user root, no password)");
		// System properties outrank application.yml, so the demo always watches its own engine.
		System.setProperty("console.targets[0].name", "local-seekdb");
		System.setProperty("console.targets[0].url", seekdb.jdbcUrl());
		System.setProperty("console.targets[0].username", seekdb.username());
		System.setProperty("console.targets[0].password", seekdb.password());
		SpringApplication.run(SessionConsoleApplication.class, args);
	}

}
