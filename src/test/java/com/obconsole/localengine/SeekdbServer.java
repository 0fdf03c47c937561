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

	private SeekdbServer(Process process, Path baseDir, int port, boolean deleteOnClose) {
		this.process = process;
		this.baseDir = baseDir;
		this.port = port;
		this.deleteOnClose = deleteOnClose;
	}

	/** Starts seekdb on a fresh temporary data directory, deleted again on close. */
	public static SeekdbServer startTemporary() throws IOException {
		Path dir = Files.createTempDirectory("seekdb-");
		return start(SeekdbDistribution.standard().binary(), dir, FreePort.find(), true);
	}

	/**
	 * Starts seekdb and waits until it answers SQL.
	 * @param binary the server binary (its directory must hold libaio.so.1)
	 * @param baseDir the data directory; an existing one is restarted with its data
	 * @param port the SQL port
	 * @param deleteOnClose whether {@link #close()} deletes the data directory
	 */
	public static SeekdbServer start(Path binary, Path baseDir, int port, boolean deleteOnClose) throws IOException {
		Files.createDirectories(baseDir);
		List<String> command = new ArrayList<>(List.of(binary.toString(), "--nodaemon", "--base-dir",
				baseDir.toString(), "--port", String.valueOf(port)));
		// Small enough for two engines on a 2-core, 24 GiB machine; parameters apply on first start.
		for (String parameter : List.of("memory_limit=" + env("SEEKDB_MEMORY_LIMIT", "2G"),
				"log_disk_size=" + env("SEEKDB_LOG_DISK_SIZE", "2G"), "datafile_size=1G")) {
			command.add("--parameter");
			command.add(parameter);
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console-launcher.out").toFile()));
		builder.environment().put("LD_LIBRARY_PATH", binary.getParent().toString());
		SeekdbServer server = new SeekdbServer(builder.start(), baseDir, port, deleteOnClose);
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

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for seekdb", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
