package com.obconsole.localengine;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * MySQL 8.4 in a Testcontainers container, for the tests that run where Docker does: the container
 * to annotate with {@code @Container}, and the {@link LocalServer} the engine tests take.
 */
public final class MySql8Container {

	static final String PASSWORD = "root-pw";

	private MySql8Container() {
	}

	/** A new container; Testcontainers starts and stops it. */
	public static GenericContainer<?> create() {
		return new GenericContainer<>("mysql:8.4").withEnv("MYSQL_ROOT_PASSWORD", PASSWORD)
			.withExposedPorts(3306)
			.waitingFor(Wait.forLogMessage(".*ready for connections.*port: 3306.*", 1));
	}

	/** The container as a server the engine tests connect to as root. */
	public static LocalServer server(GenericContainer<?> mysql) {
		return new LocalServer() {

			@Override
			public String name() {
				return "MySQL 8.4 (container)";
			}

			@Override
			public int port() {
				return mysql.getMappedPort(3306);
			}

			@Override
			public String jdbcUrl() {
				return "jdbc:mysql://" + mysql.getHost() + ":" + port() + "/?useSSL=false&allowPublicKeyRetrieval=true";
			}

			@Override
			public String username() {
				return "root";
			}

			@Override
			public String password() {
				return PASSWORD;
			}

			@Override
			public boolean isRunning() {
				return mysql.isRunning();
			}

			@Override
			public void close() {
				// The container is Testcontainers' to stop.
			}

		};
	}

}
