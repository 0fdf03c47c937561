package com.obconsole.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mysql.cj.jdbc.JdbcConnection;

/**
 * The load: a separate JVM that holds N real sessions on an engine, so that the console's JVM
 * (whose heap the benchmark reports) holds only the console. Every tenth session runs
 * {@code SELECT SLEEP(...)}, one in twenty holds an open transaction (an uncommitted INSERT), the
 * rest are idle; all connect as user {@code bench}.
 * <p>
 * A blocking JDBC call needs a thread, so each active session has one (small stack, 256 KiB): 500
 * threads at 5,000 sessions. Driven over stdin: {@code grow N} answers one {@code READY ...}
 * line, {@code quit} (or end of input) kills the running SLEEPs and closes everything.
 */
public final class SessionLoad {

	static final String SLEEP_SQL = "SELECT SLEEP(%d) /* bench active session */";

	private final String url;

	private final String user;

	private final String password;

	private final String adminUser;

	private final String adminPassword;

	private final int sleepSeconds;

	/** A statement each session runs first (seekdb: lift its 10 s query and 100 s transaction timeouts). */
	private final String sessionInit;

	/** At most this many active sessions, where the engine runs out of workers for more. */
	private final int maxActive;

	private final java.util.concurrent.atomic.AtomicInteger activeSlots = new java.util.concurrent.atomic.AtomicInteger();

	private final List<Connection> idle = Collections.synchronizedList(new ArrayList<>());

	private final List<Connection> active = Collections.synchronizedList(new ArrayList<>());

	private final List<Connection> inTransaction = Collections.synchronizedList(new ArrayList<>());

	private final List<Thread> sleepers = Collections.synchronizedList(new ArrayList<>());

	private final ExecutorService openers = Executors.newFixedThreadPool(8);

	private int opened;

	private String stoppedBy = "";

	private volatile boolean quitting;

	private SessionLoad(String[] args) {
		this.url = args[0];
		this.user = args[1];
		this.password = args[2];
		this.adminUser = args[3];
		this.adminPassword = args[4];
		this.sleepSeconds = Integer.parseInt(args[5]);
		this.sessionInit = (args.length > 6) ? args[6] : "";
		this.maxActive = (args.length > 7) ? Integer.parseInt(args[7]) : Integer.MAX_VALUE;
	}

	public static void main(String[] args) throws Exception {
		SessionLoad load = new SessionLoad(args);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			line = line.trim();
			if (line.startsWith("grow ")) {
				load.grow(Integer.parseInt(line.substring(5).trim()));
			}
			else if (line.equals("quit")) {
				break;
			}
		}
		load.quit();
		System.exit(0);
	}

	/** Opens sessions until there are {@code target}, or the engine or the machine refuses one. */
	private void grow(int target) throws Exception {
		long started = System.nanoTime();
		AtomicReference<String> failure = new AtomicReference<>();
		List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
		if (this.stoppedBy.isEmpty()) {
			for (int i = this.opened; i < target; i++) {
				int index = i;
				tasks.add(this.openers.submit(() -> {
					if (failure.get() == null) {
						try {
							open(index);
							if ((index + 1) % 500 == 0) {
								System.err.printf("%d sessions opened after %.1f s%n", index + 1,
										(System.nanoTime() - started) / 1e9);
							}
						}
						catch (SQLException | RuntimeException | Error ex) {
							failure.compareAndSet(null, "session " + (index + 1) + ": " + describe(ex));
						}
					}
				}));
			}
			for (java.util.concurrent.Future<?> task : tasks) {
				task.get();
			}
			this.opened = this.idle.size() + this.active.size() + this.inTransaction.size();
			if (failure.get() != null) {
				this.stoppedBy = failure.get();
			}
		}
		int running = awaitRunning(this.active.size());
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("READY open=%d active=%d running=%d tx=%d seconds=%.1f error=%s%n", this.opened,
				this.active.size(), running, this.inTransaction.size(), seconds,
				this.stoppedBy.replace('\n', ' '));
		System.out.flush();
	}

	private void open(int index) throws SQLException {
		// A login that gets no answer within 30 s (socketTimeout in the URL) fails, saying so; then
		// the session waits as long as its statement runs.
		Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
		connection.setNetworkTimeout(Runnable::run, 0);
		boolean active = index % 10 == 0 && this.activeSlots.getAndIncrement() < this.maxActive;
		if (!this.sessionInit.isEmpty() && (active || index % 20 == 5)) {
			try (Statement sql = connection.createStatement()) {
				sql.execute(this.sessionInit);
			}
		}
		if (active) {
			Thread sleeper = new Thread(null, () -> sleep(connection), "active-" + index, 256 * 1024);
			sleeper.setDaemon(true);
			this.active.add(connection);
			this.sleepers.add(sleeper);
			sleeper.start();
		}
		else if (index % 20 == 5) {
			try (Statement sql = connection.createStatement()) {
				connection.setAutoCommit(false);
				sql.execute("INSERT INTO bench.tx VALUES (" + index + ")");
			}
			this.inTransaction.add(connection);
		}
		else {
			this.idle.add(connection);
		}
	}

	private void sleep(Connection connection) {
		try (Statement sql = connection.createStatement()) {
			sql.execute(String.format(SLEEP_SQL, this.sleepSeconds));
		}
		catch (SQLException ex) {
			if (!this.quitting) {
				System.err.println("an active session's SLEEP ended early: " + describe(ex));
			}
		}
	}

	/** How many SLEEPs the engine shows running, waiting up to a minute for all of them. */
	private int awaitRunning(int expected) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		int running = 0;
		try (Connection admin = DriverManager.getConnection(this.url, this.adminUser, this.adminPassword);
				PreparedStatement count = admin.prepareStatement(
						"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ? AND INFO LIKE 'SELECT SLEEP%'")) {
			count.setString(1, this.user);
			do {
				try (ResultSet rs = count.executeQuery()) {
					rs.next();
					running = rs.getInt(1);
				}
				if (running >= expected) {
					return running;
				}
				Thread.sleep(250);
			}
			while (System.nanoTime() < deadline);
		}
		catch (SQLException ex) {
			System.err.println("could not count running SLEEPs: " + describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return running;
	}

	private void quit() {
		this.quitting = true;
		// A closed socket does not stop a server-side SLEEP on every engine: kill them first.
		try (Connection admin = DriverManager.getConnection(this.url, this.adminUser, this.adminPassword);
				Statement sql = admin.createStatement()) {
			synchronized (this.active) {
				for (Connection connection : this.active) {
					try {
						sql.execute("KILL " + connection.unwrap(JdbcConnection.class).getId());
					}
					catch (SQLException ex) {
						// Ended already.
					}
				}
			}
		}
		catch (SQLException ex) {
			System.err.println("could not kill the active sessions: " + describe(ex));
		}
		for (Thread sleeper : this.sleepers) {
			try {
				sleeper.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// Closed politely (COM_QUIT), in parallel, so the engine logs no aborted connections.
		List<Connection> all = new ArrayList<>();
		for (List<Connection> list : List.of(this.active, this.inTransaction, this.idle)) {
			synchronized (list) {
				all.addAll(list);
			}
		}
		all.parallelStream().forEach((connection) -> {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Closed already.
			}
		});
		this.openers.shutdownNow();
	}

	static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		if (ex instanceof SQLException sql && sql.getErrorCode() != 0) {
			text.append(" (error ").append(sql.getErrorCode()).append(")");
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root != ex) {
			text.append(" <- ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage());
		}
		return text.toString().replaceAll("\\s+", " ");
	}

}
