package com.obconsole.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import com.obconsole.engine.EngineInfo;
import com.obconsole.engine.LockWaits;
import com.obconsole.engine.Session;
import com.obconsole.engine.SessionDialect;
import com.obconsole.engine.SessionDialects;
import com.obconsole.targets.Target;
import com.obconsole.targets.TargetMonitor;
import com.obconsole.targets.TargetStatus;
import com.obconsole.targets.TargetUnreachableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * One processlist read per target and tenant at a time, shared by every viewer: concurrent
 * requests wait for the read in flight, and a finished read serves everyone until it is older than
 * {@code console.sessions.snapshot-max-age}.
 */
@Component
public class SessionSnapshots {

	private final TargetMonitor monitor;

	private final Duration maxAge;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<Key, CompletableFuture<SessionSnapshot>> latest = new ConcurrentHashMap<>();

	private final Map<String, SessionDialect> dialects = new ConcurrentHashMap<>();

	public SessionSnapshots(TargetMonitor monitor, SessionProperties properties, MeterRegistry meters) {
		this.monitor = monitor;
		this.maxAge = properties.snapshotMaxAge();
		this.meters = meters;
		this.clock = Clock.systemUTC();
	}

	/**
	 * The current snapshot of a target's sessions.
	 * @param tenant one tenant, or {@code null} for every session the connection sees
	 * @throws TargetUnreachableException if the target cannot be read
	 */
	public SessionSnapshot get(Target target, String tenant) {
		Key key = new Key(target.name(), tenant);
		CompletableFuture<SessionSnapshot> mine = new CompletableFuture<>();
		CompletableFuture<SessionSnapshot> current = this.latest.compute(key,
				(k, previous) -> isUsable(previous) ? previous : mine);
		if (current == mine) {
			try {
				mine.complete(read(target, tenant));
			}
			catch (RuntimeException ex) {
				mine.completeExceptionally(ex);
			}
		}
		try {
			return current.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/** The dialect for a target, learned on its first use. */
	public SessionDialect dialect(Target target) {
		return this.dialects.computeIfAbsent(target.name(), (name) -> {
			EngineInfo engine = engine(target);
			return SessionDialects.discover(engine, target.jdbc(), target.address());
		});
	}

	private boolean isUsable(CompletableFuture<SessionSnapshot> previous) {
		if (previous == null) {
			return false;
		}
		if (!previous.isDone()) {
			return true;
		}
		if (previous.isCompletedExceptionally()) {
			return false;
		}
		return previous.join().takenAt().plus(this.maxAge).isAfter(this.clock.instant());
	}

	private SessionSnapshot read(Target target, String tenant) {
		Instant started = this.clock.instant();
		long nanos = System.nanoTime();
		List<Session> sessions;
		try {
			sessions = dialect(target).sessions(target.jdbc(), tenant);
		}
		catch (DataAccessException ex) {
			// The engine may have been upgraded or replaced: learn its columns again next time.
			this.dialects.remove(target.name());
			// The failure says whether the target was reached: checking again would cost another timeout.
			throw this.monitor.failed(target, ex)
				.map((down) -> new TargetUnreachableException(target.name(), down.error(), down.why()))
				.orElseGet(() -> new TargetUnreachableException(target.name(), rootMessage(ex)));
		}
		Duration took = Duration.ofNanos(System.nanoTime() - nanos);
		String tenantTag = Objects.requireNonNullElse(tenant, "all");
		Counter.builder("console.processlist.reads")
			.description("Processlist reads sent to targets")
			.tag("target", target.name())
			.tag("tenant", tenantTag)
			.register(this.meters)
			.increment();
		Timer.builder("console.processlist.read.time")
			.tag("target", target.name())
			.tag("tenant", tenantTag)
			.register(this.meters)
			.record(took);
		return new SessionSnapshot(target.name(), tenant, started, took, List.copyOf(sessions),
				target.connections().ids(), locks(target, sessions));
	}

	/**
	 * The lock waits among these sessions, read after them so that a waiter shown waits at least
	 * since its row was read. A failed lock read leaves the list standing and says why.
	 */
	private LockWaits locks(Target target, List<Session> sessions) {
		LockWaits waits;
		long nanos = System.nanoTime();
		try {
			waits = dialect(target).lockWaits(target.jdbc());
		}
		catch (DataAccessException ex) {
			return LockWaits.unavailable("locks.unavailable.readFailed", rootMessage(ex));
		}
		Timer.builder("console.locks.read.time").tag("target", target.name()).register(this.meters)
			.record(Duration.ofNanos(System.nanoTime() - nanos));
		if (waits.waits().isEmpty()) {
			return waits;
		}
		Set<Long> ids = new HashSet<>(sessions.size() * 2);
		for (Session session : sessions) {
			ids.add(session.id());
		}
		// A sys-tenant read sees every tenant's locks: keep those of the sessions listed.
		return waits.ofWaiters(ids);
	}

	private EngineInfo engine(Target target) {
		return this.monitor.requireEngine(target);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	private record Key(String target, String tenant) {
	}

}
