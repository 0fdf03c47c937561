package com.obconsole.targets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.obconsole.engine.EngineDetector;
import com.obconsole.engine.EngineInfo;
import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks whether targets are reachable and what engine they run. Checks run in parallel, each
 * bounded by the connect timeout, and a result is reused for a few seconds so that many viewers
 * and the health endpoint do not each open a connection.
 */
@Component
public class TargetMonitor implements DisposableBean {

	private final Targets targets;

	private final Duration connectTimeout;

	private final Duration cacheTime;

	private final Clock clock;

	private final Map<String, CompletableFuture<TargetStatus>> latest = new ConcurrentHashMap<>();

	private final Map<String, EngineInfo> lastKnownEngine = new ConcurrentHashMap<>();

	/** The newest finished check of each target, kept while the next one runs. */
	private final Map<String, TargetStatus> lastChecked = new ConcurrentHashMap<>();

	private final ExecutorService checks = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "target-check");
		thread.setDaemon(true);
		return thread;
	});

	private final Sentences sentences;

	@Autowired
	public TargetMonitor(Targets targets, TargetProperties properties, Sentences sentences) {
		this(targets, properties, Clock.systemUTC(), sentences);
	}

	TargetMonitor(Targets targets, TargetProperties properties, Clock clock, Sentences sentences) {
		this.sentences = sentences;
		this.targets = targets;
		this.connectTimeout = properties.connection().connectTimeout();
		this.cacheTime = properties.connection().statusCacheTime();
		this.clock = clock;
	}

	/** The status of every target, checked in parallel. */
	public List<TargetStatus> statuses() {
		List<CompletableFuture<TargetStatus>> pending = this.targets.all()
			.stream()
			.map((target) -> check(target.name()))
			.toList();
		return pending.stream().map(CompletableFuture::join).toList();
	}

	/** The status of one target. */
	public TargetStatus status(Target target) {
		return check(target.name()).join();
	}

	/** The engine of a target, detected on its first successful connection. */
	public EngineInfo engine(Target target) {
		EngineInfo known = this.lastKnownEngine.get(target.name());
		return (known != null) ? known : status(target).engine();
	}

	/**
	 * 1 if the target answered its latest check, 0 if not, NaN before any: what a scrape reports. It
	 * never waits: a stale status starts a check in the background and the previous answer is given.
	 */
	public double reachability(Target target) {
		CompletableFuture<TargetStatus> current = check(target.name());
		TargetStatus status = current.isDone() ? current.join() : this.lastChecked.get(target.name());
		return (status == null) ? Double.NaN : (status.reachable() ? 1 : 0);
	}

	/**
	 * Records that a read failed to reach the target, and answers its status: unreachable with the
	 * reason, when the failure was the connection. Costs no new connection: asking the target again
	 * would make the caller wait a second connect timeout for the answer it already has.
	 * @return the status after the failure, or empty when the target answered (an SQL error)
	 */
	public Optional<TargetStatus> failed(Target target, Throwable failure) {
		if (!ConnectionProblem.isConnectionFailure(failure)) {
			return Optional.empty();
		}
		Sentence problem = ConnectionProblem.describe(failure, target.address(), this.connectTimeout);
		TargetStatus status = new TargetStatus(target.name(), target.address(), this.lastKnownEngine.get(target.name()),
				false, this.sentences.english(problem), this.clock.instant(), problem);
		this.latest.put(target.name(), CompletableFuture.completedFuture(status));
		this.lastChecked.put(target.name(), status);
		// Its other idle connections are as dead: checking each on the next borrow would cost a
		// validation timeout apiece before the pool even tries a new connection.
		target.connections().evictIdle();
		return Optional.of(status);
	}

	/**
	 * The engine of a target, or {@link TargetUnreachableException} with the reason, from one check:
	 * asking for the engine and then for the error would check twice once the first has gone stale.
	 */
	public EngineInfo requireEngine(Target target) {
		EngineInfo known = this.lastKnownEngine.get(target.name());
		if (known != null) {
			return known;
		}
		TargetStatus status = status(target);
		if (status.engine() == null) {
			throw new TargetUnreachableException(target.name(), status.error(), status.why());
		}
		return status.engine();
	}

	private CompletableFuture<TargetStatus> check(String name) {
		return this.latest.compute(name, (key, previous) -> {
			if (previous != null && (!previous.isDone() || isFresh(previous.join()))) {
				return previous;
			}
			Target target = this.targets.find(name).orElseThrow();
			return CompletableFuture.supplyAsync(() -> probe(target), this.checks)
				.whenComplete((status, failure) -> {
					if (status != null) {
						this.lastChecked.put(name, status);
					}
				});
		});
	}

	private boolean isFresh(TargetStatus status) {
		return status.checkedAt().plus(this.cacheTime).isAfter(this.clock.instant());
	}

	private TargetStatus probe(Target target) {
		Instant now = this.clock.instant();
		try {
			EngineInfo engine = EngineDetector.detect(target.jdbc(), target.definition().username());
			this.lastKnownEngine.put(target.name(), engine);
			return new TargetStatus(target.name(), target.address(), engine, true, null, now);
		}
		catch (RuntimeException ex) {
			if (ConnectionProblem.isConnectionFailure(ex)) {
				target.connections().evictIdle();
			}
			Sentence problem = ConnectionProblem.describe(ex, target.address(), this.connectTimeout);
			return new TargetStatus(target.name(), target.address(), this.lastKnownEngine.get(target.name()), false,
					this.sentences.english(problem), now, problem);
		}
	}

	@Override
	public void destroy() {
		this.checks.shutdownNow();
	}

}
