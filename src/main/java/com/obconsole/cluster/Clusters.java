package com.obconsole.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.obconsole.engine.SessionDialect;
import com.obconsole.session.SessionSnapshots;
import com.obconsole.targets.Target;
import com.obconsole.targets.TargetMonitor;
import com.obconsole.targets.TargetStatus;
import com.obconsole.targets.Targets;
import com.obconsole.targets.UnknownTargetException;
import com.obconsole.web.Sentences;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Every target as a cluster with tenants and observers. Tenants and observers change rarely, so
 * they are read at most once a minute per cluster.
 */
@Component
public class Clusters {

	private static final Duration TOPOLOGY_CACHE = Duration.ofMinutes(1);

	private final Targets targets;

	private final TargetMonitor monitor;

	private final SessionSnapshots snapshots;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Topology> topologies = new ConcurrentHashMap<>();

	private final Sentences sentences;

	Clusters(Targets targets, TargetMonitor monitor, SessionSnapshots snapshots, Sentences sentences) {
		this.sentences = sentences;
		this.targets = targets;
		this.monitor = monitor;
		this.snapshots = snapshots;
	}

	/** Every cluster; an unreachable one carries its error (in the viewer's language) and no tenants. */
	public List<Cluster> all() {
		return this.monitor.statuses().stream().map((s) -> of(s.in(this.sentences))).toList();
	}

	/** One cluster, or {@link UnknownTargetException}. */
	public Cluster get(String name) {
		Target target = this.targets.require(name);
		return of(this.monitor.status(target).in(this.sentences));
	}

	/** One cluster that has the tenant, or {@link UnknownTenantException}. */
	public Cluster withTenant(String name, String tenant) {
		Cluster cluster = get(name);
		if (cluster.status().reachable() && !cluster.hasTenant(tenant)) {
			throw new UnknownTenantException(name, tenant);
		}
		return cluster;
	}

	private Cluster of(TargetStatus status) {
		if (!status.reachable() || status.engine() == null) {
			return new Cluster(status, List.of(), List.of());
		}
		Target target = this.targets.require(status.name());
		Topology known = this.topologies.get(status.name());
		if (known == null || known.readAt().plus(TOPOLOGY_CACHE).isBefore(this.clock.instant())) {
			try {
				SessionDialect dialect = this.snapshots.dialect(target);
				known = new Topology(dialect.tenants(target.jdbc(), status.engine()), dialect.observers(target.jdbc()),
						this.clock.instant());
				this.topologies.put(status.name(), known);
			}
			catch (DataAccessException ex) {
				return new Cluster(status, List.of(), List.of());
			}
		}
		return new Cluster(status, known.tenants(), known.observers());
	}

	private record Topology(List<com.obconsole.engine.TenantInfo> tenants, List<String> observers, Instant readAt) {
	}

}
