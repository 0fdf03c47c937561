package com.obconsole.cluster;

import java.util.List;

import com.obconsole.engine.TenantInfo;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API over clusters and their tenants. */
@RestController
@RequestMapping("/api/clusters")
class ClusterApiController {

	private final Clusters clusters;

	ClusterApiController(Clusters clusters) {
		this.clusters = clusters;
	}

	@GetMapping
	List<ClusterJson> clusters() {
		return this.clusters.all().stream().map(ClusterJson::of).toList();
	}

	@GetMapping("/{cluster}/tenants")
	List<TenantInfo> tenants(@PathVariable String cluster) {
		return this.clusters.get(cluster).tenants();
	}

	/** A cluster as scripts see it. */
	record ClusterJson(String name, String engine, String version, boolean reachable, String error,
			String errorCode, List<String> observers, List<String> tenants) {

		/** {@code error} is in the caller's language ({@link Clusters}); {@code errorCode} is {@code target.problem.*}. */
		static ClusterJson of(Cluster c) {
			var s = c.status();
			return new ClusterJson(c.name(), (s.engine() != null) ? s.engine().server().displayName() : null,
					(s.engine() != null) ? s.engine().server().version() : null, s.reachable(), s.error(),
					(s.problem() != null) ? s.problem().code() : null, c.observers(),
					c.tenants().stream().map(TenantInfo::name).toList());
		}

	}

}
