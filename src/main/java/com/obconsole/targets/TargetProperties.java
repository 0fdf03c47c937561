package com.obconsole.targets;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The databases the console watches, and how it connects to them.
 *
 * @param targets the configured targets ({@code console.targets[0].name}, or
 * {@code CONSOLE_TARGETS_0_NAME} in the environment)
 * @param connection connection limits shared by every target
 */
@ConfigurationProperties("console")
@Validated
public record TargetProperties(@DefaultValue List<@Valid Definition> targets,
		@DefaultValue @Valid Connection connection) {

	/**
	 * One target: a cluster reached through its sys tenant, one tenant, or a MySQL/MariaDB server.
	 *
	 * @param name short name used in URLs and the audit trail
	 * @param url JDBC URL, e.g. {@code jdbc:mysql://10.0.0.5:2881/oceanbase}
	 * @param username user, e.g. {@code root@sys} for an OceanBase sys tenant
	 * @param password password
	 * @param tenants credentials per tenant, for what must run inside a tenant (session tracing)
	 * when the target is a sys-tenant connection: {@code console.targets[0].tenants.mytenant.username}
	 */
	public record Definition(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}",
			message = "must be 1-63 letters, digits, '.', '_' or '-' (it is used in URLs)") String name,
			@NotBlank @Pattern(regexp = "jdbc:(mysql|mariadb|oceanbase):.*",
					message = "must be a jdbc:mysql:// URL") String url,
			String username, String password, @DefaultValue Map<String, Credentials> tenants) {

		@ConstructorBinding
		public Definition {
			tenants = (tenants != null) ? Map.copyOf(tenants) : Map.of();
		}

		public Definition(String name, String url, String username, String password) {
			this(name, url, username, password, Map.of());
		}

		@Override
		public String toString() {
			return "Definition[name=" + this.name + ", url=" + this.url + ", username=" + this.username + ", tenants="
					+ this.tenants.keySet() + "]";
		}

	}

	/**
	 * A user of one tenant.
	 *
	 * @param username e.g. {@code root@mytenant}
	 * @param password its password
	 */
	public record Credentials(String username, String password) {

		@Override
		public String toString() {
			return "Credentials[username=" + this.username + "]";
		}

	}

	/**
	 * Connection limits. The defaults suit a console that must answer fast even when a target is
	 * in trouble.
	 *
	 * @param connectTimeout how long to wait for a TCP connection and login
	 * @param socketTimeout how long to wait for any answer on an open connection
	 * @param queryTimeout how long one statement may run before the console cancels it
	 * @param maxPoolSize connections per target
	 * @param statusCacheTime how long a reachability check is reused by the home page and health
	 */
	public record Connection(@DefaultValue("3s") @NotNull Duration connectTimeout,
			@DefaultValue("15s") @NotNull Duration socketTimeout, @DefaultValue("10s") @NotNull Duration queryTimeout,
			@DefaultValue("3") @Min(1) @Max(20) int maxPoolSize, @DefaultValue("5s") @NotNull Duration statusCacheTime) {
	}

}
