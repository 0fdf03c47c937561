package com.obconsole.targets;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Actuator health: one indicator per target, under {@code /actuator/health/targets/<name>}. */
@Configuration(proxyBeanMethods = false)
class TargetHealth {

	@Bean
	CompositeHealthContributor targetsHealthContributor(Targets targets, TargetMonitor monitor) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (Target target : targets.all()) {
			indicators.put(target.name(), () -> health(monitor.status(target)));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	static Health health(TargetStatus status) {
		Health.Builder health = status.reachable() ? Health.up() : Health.down();
		health.withDetail("address", status.address());
		if (status.engine() != null) {
			health.withDetail("engine", status.engine().server().displayName());
			if (status.engine().tenant() != null) {
				health.withDetail("tenant", status.engine().tenant());
			}
		}
		if (status.error() != null) {
			health.withDetail("error", status.error());
		}
		return health.withDetail("checkedAt", status.checkedAt().toString()).build();
	}

}
