package com.obconsole.localengine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A seekdb server (OceanBase's single-node engine) started from the binary in seekdb's wheel, on
 * its own data directory and a free port. User {@code root}, empty password.
 */
public final class SeekdbServer implements LocalServer {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final Path baseDir;

	private final int port;

	private final boolean deleteOnClose;

	private final SeekdbRelease release;

	private SeekdbServer(SeekdbRelease release, Process process, Path baseDir, int port, boolean deleteOnClose) {
		this.release = release;
		this.process = process;
		this.baseDir = baseDir;
		this.port = port;
		this.deleteOnClose = deleteOnClose;
	}

	/** Starts the standard release on a fresh temporary data directory, deleted again on close. */
	public static SeekdbServer startTemporary() throws IOException {
		return startTemporary(SeekdbRelease.standard());
	}

	/** Starts a release on a fresh temporary data directory, deleted again on close. */
	public static SeekdbServer startTemporary(SeekdbRelease release) throws IOException {
		Path dir = Files.createTempDirectory("seekdb-");
		return start(SeekdbDistribution.of(release), dir, FreePorts.unused(), true);
	}

	/**
	 * Starts seekdb and waits until it answers SQL.
	 * @param distribution the release and where its binary is cached
	 * @param baseDir the data directory; an existing one is restarted with its data
	 * @param port the SQL port
	 * @param deleteOnClose whether {@link #close()} deletes the data directory
	 */
	public static SeekdbServer start(SeekdbDistribution distribution, Path baseDir, int port, boolean deleteOnClose)
			throws IOException {
		Path binary = distribution.binary();
		Files.createDirectories(baseDir);
		List<String> command = new ArrayList<>(List.of(binary.toString(), "--nodaemon", "--base-dir",
				baseDir.toString(), "--port", String.valueOf(port)));
		// Small enough for several engines on a 2-core, 24 GiB machine; they apply on first start.
		for (String parameter : distribution.release().parameters()) {
			command.add("--parameter");
			command.add(parameter);
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console-launcher.out").toFile()));
		builder.environment().put("LD_LIBRARY_PATH", binary.getParent().toString());
		SeekdbServer server = new SeekdbServer(distribution.release(), builder.start(), baseDir, port,
				deleteOnClose);
		try {
			server.awaitSql();
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	private void awaitSql() throws IOException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException("seekdb exited with code " + this.process.exitValue() + " before answering SQL; see "
						+ this.baseDir.resolve("log"));
			}
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("SELECT 1");
				return;
			}
			catch (SQLException ex) {
				last = ex;
			}
			sleep(500);
		}
		throw new IOException("seekdb did not answer SQL on port " + this.port + " within " + START_TIMEOUT, last);
	}

	@Override
	public String name() {
		return "seekdb";
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String username() {
		return "root";
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public boolean isRunning() {
		return this.process.isAlive();
	}

	@Override
	public void allowLongStatements(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement()) {
			// Microseconds: a little over 15 minutes, longer than any test or demo statement.
			sql.execute("SET ob_query_timeout = 1000000000");
		}
	}

	@Override
	public void allowLongTransactions(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement()) {
			sql.execute("SET ob_query_timeout = 86400000000, ob_trx_timeout = 86400000000");
		}
	}

	public SeekdbRelease release() {
		return this.release;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path baseDir() {
		return this.baseDir;
	}

	@Override
	public void close() {
		Processes.stop(this.process, Duration.ofSeconds(60));
		if (this.deleteOnClose) {
			try {
				SeekdbDistribution.deleteTree(this.baseDir);
			}
			catch (IOException ex) {
				// A leftover temp directory is harmless; the process is what must not be left.
			}
		}
	}

	/**
	 * Cleans up after a start that never finished (Ctrl+C while seekdb starts): stops the seekdb
	 * processes this JVM started, SIGTERM then SIGKILL, and deletes the data directory.
	 */
	public static void abandon(Path baseDir) {
		ProcessHandle.current()
			.children()
			.filter((child) -> child.info().command().map((command) -> command.endsWith("/seekdb")).orElse(false))
			.forEach((child) -> {
				child.destroy();
				try {
					child.onExit().get(10, TimeUnit.SECONDS);
				}
				catch (ExecutionException | TimeoutException ex) {
					child.destroyForcibly();
				}
				catch (InterruptedException ex) {
					child.destroyForcibly();
					Thread.currentThread().interrupt();
				}
			});
		try {
			SeekdbDistribution.deleteTree(baseDir);
		}
		catch (IOException ex) {
			// Best effort, as in close().
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for seekdb", ex);
		}
	}

}
