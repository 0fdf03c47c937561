package com.obconsole.cluster;

import java.util.HashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/** Context-relative, encoded URLs of the cluster and tenant pages; templates wrap them in {@code @{...}}. */
final class ClusterLinks {

	private ClusterLinks() {
	}

	static String cluster(String cluster) {
		return build("/clusters/{cluster}", Map.of("cluster", cluster), Map.of());
	}

	static String tenant(String cluster, String tenant) {
		return build("/clusters/{cluster}/tenants/{tenant}", Map.of("cluster", cluster, "tenant", tenant), Map.of());
	}

	static String diagnostics(String cluster, String tenant) {
		return build(SessionManagement.Way.CLUSTER.sessionsPath, Map.of("cluster", cluster),
				(tenant != null) ? Map.of("tenant", tenant) : Map.of());
	}

	/** Every value goes in as a URI variable, so it is encoded strictly ('&', '+', '#' included). */
	static String build(String path, Map<String, String> pathVariables, Map<String, String> query) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		Map<String, Object> variables = new HashMap<>(pathVariables);
		int n = 0;
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			String variable = "q" + n++;
			builder.queryParam(parameter.getKey(), "{" + variable + "}");
			variables.put(variable, parameter.getValue());
		}
		return builder.encode().buildAndExpand(variables).toUriString();
	}

}
