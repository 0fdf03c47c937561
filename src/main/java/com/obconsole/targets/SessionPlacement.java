package com.obconsole.targets;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import com.obconsole.engine.EngineInfo;
import com.obconsole.engine.Session;
import com.obconsole.engine.SessionDialect;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a call about one session must run: OceanBase finds a session (for DBMS_MONITOR, for
 * DBMS_XPLAN's active plan) only on the observer that holds it, and only in the caller's tenant.
 * So the call runs on the target's pool when that connection is on the session's observer, on a
 * direct connection to the observer otherwise; a session in another tenant needs that tenant's
 * credentials ({@code console.targets[i].tenants.<tenant>}), or the call is refused.
 *
 * @param observer ip:port to connect to directly, or {@code null} for the target's pool
 * @param username the user of a direct connection
 * @param password its password
 * @param refusedTenant the session's tenant when no credentials for it are configured; {@code null}
 *        when the call may run
 * @param ownTenant the tenant the target connects to, for the refusal's words
 */
public record SessionPlacement(String observer, String username, String password, String refusedTenant,
		String ownTenant) {

	/** Where calls about this session run. */
	public static SessionPlacement of(Target target, EngineInfo engine, SessionDialect dialect, Session session) {
		String ownTenant = (engine != null) ? engine.tenant() : null;
		if (session.tenant() != null && ownTenant != null && !session.tenant().equals(ownTenant)) {
			TargetProperties.Credentials tenant = target.definition().tenants().get(session.tenant());
			if (tenant == null) {
				return new SessionPlacement(null, null, null, session.tenant(), ownTenant);
			}
			return new SessionPlacement(session.observer(), tenant.username(), tenant.password(), null, ownTenant);
		}
		boolean proxied = dialect.connectsThroughProxy(target.jdbc());
		Optional<String> own = proxied ? Optional.empty() : dialect.ownObserver(target.jdbc());
		if (!proxied && (own.isEmpty() || Objects.equals(own.get(), session.observer()))) {
			return onTarget(ownTenant);
		}
		if (session.observer() == null || session.observer().equals(target.address())) {
			return onTarget(ownTenant);
		}
		return new SessionPlacement(session.observer(), target.definition().username(),
				target.definition().password(), null, ownTenant);
	}

	private static SessionPlacement onTarget(String ownTenant) {
		return new SessionPlacement(null, null, null, null, ownTenant);
	}

	public boolean isRefused() {
		return this.refusedTenant != null;
	}

	/** As the audit trail names it: {@code TARGET} or {@code DIRECT ip:port}. */
	public String route() {
		return (this.observer != null) ? "DIRECT " + this.observer : "TARGET";
	}

	/** Runs the call where the session is. */
	public void run(Consumer<JdbcClient> call, Target target, int connectTimeoutMillis) throws SQLException {
		if (this.observer == null) {
			call.accept(target.jdbc());
		}
		else {
			DirectObserver.run(this.username, this.password, this.observer, connectTimeoutMillis, call);
		}
	}

	/**
	 * Runs a read where the session is, bounded by the query timeout there as on the target's pool.
	 * @param queryTimeoutSeconds the limit of a direct connection's statements
	 */
	public <T> T read(Function<JdbcClient, T> call, Target target, int connectTimeoutMillis, int queryTimeoutSeconds)
			throws SQLException {
		if (this.observer == null) {
			return call.apply(target.jdbc());
		}
		AtomicReference<T> answer = new AtomicReference<>();
		DirectObserver.run(this.username, this.password, this.observer, connectTimeoutMillis, queryTimeoutSeconds,
				(jdbc) -> answer.set(call.apply(jdbc)));
		return answer.get();
	}

}
