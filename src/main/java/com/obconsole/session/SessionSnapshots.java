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
import java.util.concurrent.atomic.AtomicReference;

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
import io.micrometer.core.instrument.Gauge;
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

	private final Map<Key, ReadMeters> readMeters = new ConcurrentHashMap<>();

	/**
	 * A tenant is whatever a request names ({@code ?tenant=}), a made-up one included: past this
	 * many (target, tenant) keys, reads are metered under tenant {@link #OTHER_TENANTS} and old
	 * snapshots are dropped, so that made-up names cannot grow the registry or the cache without end.
	 */
	public static final int MAX_KEYS = 200;

	/** The tenant tag of reads past {@link #MAX_KEYS} (no OceanBase tenant name has parentheses). */
	public static final String OTHER_TENANTS = "(other)";

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
		if (this.latest.size() >= MAX_KEYS && !this.latest.containsKey(key)) {
			this.latest.values().removeIf((previous) -> !isUsable(previous));
		}
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
		ReadMeters meters = metersOf(target, tenant);
		Instant started = this.clock.instant();
		long nanos = System.nanoTime();
		List<Session> sessions;
		try {
			sessions = sessions(target, tenant);
		}
		catch (RuntimeException ex) {
			meters.failed(Duration.ofNanos(System.nanoTime() - nanos));
			throw ex;
		}
		Duration took = Duration.ofNanos(System.nanoTime() - nanos);
		meters.read(started, took);
		return new SessionSnapshot(target.name(), tenant, started, took, List.copyOf(sessions),
				target.connections().ids(), locks(target, sessions));
	}

	/** The processlist's own dialect read, or why the target could not be read. */
	private List<Session> sessions(Target target, String tenant) {
		try {
			return dialect(target).sessions(target.jdbc(), tenant);
		}
		catch (DataAccessException ex) {
			// The engine may have been upgraded or replaced: learn its columns again next time.
			this.dialects.remove(target.name());
			// The failure says whether the target was reached: checking again would cost another timeout.
			throw this.monitor.failed(target, ex)
				.map((down) -> new TargetUnreachableException(target.name(), down.error(), down.why()))
				.orElseGet(() -> new TargetUnreachableException(target.name(), rootMessage(ex)));
		}
	}

	private ReadMeters metersOf(Target target, String tenant) {
		Key key = new Key(target.name(), tenant);
		ReadMeters known = this.readMeters.get(key);
		if (known != null) {
			return known;
		}
		// The read of the whole target (no tenant) always keeps its own series.
		boolean own = tenant == null || this.readMeters.size() < MAX_KEYS;
		return this.readMeters.computeIfAbsent(own ? key : new Key(target.name(), OTHER_TENANTS), this::meters);
	}

	/**
	 * The meters of one (target, tenant), made once: a read then costs an increment, a timer record
	 * and a reference set, no registry lookup. Tenant {@code all} is a read of every session the connection sees.
	 */
	private ReadMeters meters(Key key) {
		String tenant = Objects.requireNonNullElse(key.tenant(), "all");
		AtomicReference<Instant> takenAt = new AtomicReference<>();
		Gauge.builder("console.snapshot.age", takenAt, (taken) -> ageSeconds(taken.get()))
			.description("Seconds since the newest processlist read of this target and tenant")
			.baseUnit("seconds")
			.strongReference(true)
			.tag("target", key.target())
			.tag("tenant", tenant)
			.register(this.meters);
		return new ReadMeters(
				Counter.builder("console.processlist.reads")
					.description("Processlist reads sent to targets")
					.tag("target", key.target())
					.tag("tenant", tenant)
					.register(this.meters),
				Counter.builder("console.processlist.read.failures")
					.description("Processlist reads that failed (target unreachable or the engine refused)")
					.tag("target", key.target())
					.tag("tenant", tenant)
					.register(this.meters),
				Timer.builder("console.processlist.read.time")
					.description("Time of processlist reads, failed ones included")
					.tag("target", key.target())
					.tag("tenant", tenant)
					.register(this.meters),
				takenAt);
	}

	private double ageSeconds(Instant taken) {
		return (taken != null) ? Duration.between(taken, this.clock.instant()).toMillis() / 1000.0 : Double.NaN;
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

	private record ReadMeters(Counter reads, Counter failures, Timer time, AtomicReference<Instant> takenAt) {

		void read(Instant started, Duration took) {
			this.reads.increment();
			this.time.record(took);
			this.takenAt.set(started);
		}

		void failed(Duration took) {
			this.failures.increment();
			this.time.record(took);
		}

	}

}
