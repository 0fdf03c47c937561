package com.obconsole.targets;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The configured targets, each with one small connection pool. Pools connect lazily, so a target
 * that is down never stops the console from starting.
 */
@Component
public class Targets implements DisposableBean {

	private final Map<String, Target> byName = new LinkedHashMap<>();

	public Targets(TargetProperties properties) {
		Set<String> seen = new HashSet<>();
		for (TargetProperties.Definition definition : properties.targets()) {
			if (!seen.add(definition.name())) {
				throw new IllegalStateException("Two targets are named '" + definition.name()
						+ "': each console.targets[i].name must be unique");
			}
			this.byName.put(definition.name(), open(definition, properties.connection()));
		}
	}

	private static Target open(TargetProperties.Definition definition, TargetProperties.Connection limits) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("target-" + definition.name());
		config.setJdbcUrl(definition.url());
		config.setUsername(definition.username());
		config.setPassword(definition.password());
		config.setMaximumPoolSize(limits.maxPoolSize());
		// No idle connections are held on a production database nobody is looking at.
		config.setMinimumIdle(0);
		config.setIdleTimeout(60_000);
		// Never fail at start-up: an unreachable target is reported, not fatal.
		config.setInitializationFailTimeout(-1);
		long connectMillis = limits.connectTimeout().toMillis();
		config.setConnectionTimeout(Math.max(250, connectMillis));
		config.setValidationTimeout(Math.max(250, Math.min(connectMillis, 5_000)));
		config.addDataSourceProperty("connectTimeout", String.valueOf(connectMillis));
		config.addDataSourceProperty("socketTimeout", String.valueOf(limits.socketTimeout().toMillis()));
		config.addDataSourceProperty("connectionAttributes", "program_name:ob-session-console");
		OwnSessions connections = new OwnSessions(new HikariDataSource(config));
		JdbcTemplate template = new JdbcTemplate(connections);
		template.setQueryTimeout((int) Math.max(1, limits.queryTimeout().toSeconds()));
		return new Target(definition.name(), definition, JdbcAddress.of(definition.url()), connections,
				JdbcClient.create(template));
	}

	public Collection<Target> all() {
		return this.byName.values();
	}

	public Optional<Target> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/** The named target, or {@link UnknownTargetException} (a 404 for the web). */
	public Target require(String name) {
		return find(name).orElseThrow(() -> new UnknownTargetException(name));
	}

	@Override
	public void destroy() {
		this.byName.values().forEach((target) -> ((HikariDataSource) target.connections().getTargetDataSource()).close());
	}

}
