package com.obconsole.localengine;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test's console at local engines: {@code console.targets[i].*} from a server. */
public final class TestTargets {

	private TestTargets() {
	}

	/** Target {@code index}, named {@code name}, connecting to the server as its administrator. */
	public static void register(DynamicPropertyRegistry registry, int index, String name, LocalServer server) {
		String prefix = "console.targets[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "url", server::jdbcUrl);
		registry.add(prefix + "username", server::username);
		registry.add(prefix + "password", server::password);
	}

	/** Target {@code index} that refuses connections: nothing listens on its port. */
	public static void registerDown(DynamicPropertyRegistry registry, int index, String name, int port) {
		String prefix = "console.targets[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "url", () -> "jdbc:mysql://127.0.0.1:" + port + "/");
		registry.add(prefix + "username", () -> "root");
	}

}
