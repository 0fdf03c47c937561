package com.obconsole.plan;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Clock;

import com.obconsole.engine.Session;
import com.obconsole.engine.SessionDialect;
import com.obconsole.engine.SessionPlan;
import com.obconsole.session.SessionSnapshots;
import com.obconsole.targets.SessionPlacement;
import com.obconsole.targets.Target;
import com.obconsole.targets.TargetMonitor;
import com.obconsole.targets.TargetProperties;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.Targets;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;

/**
 * The live plan of a session's running statement. The session is read again first (an idle or
 * ended one has no plan, and the list may be two seconds old); the plan is then read where the
 * session runs, as tracing places its calls. A read, not an action: nothing is audited.
 */
@Service
public class PlanService {

	/** OB_TIMEOUT: the observer gave up on the statement at ob_query_timeout. */
	static final int OB_TIMEOUT = 4012;

	private final Targets targets;

	private final TargetMonitor monitor;

	private final SessionSnapshots snapshots;

	private final int connectTimeoutMillis;

	private final int queryTimeoutSeconds;

	private final Clock clock;

	PlanService(Targets targets, TargetMonitor monitor, SessionSnapshots snapshots, TargetProperties properties,
			Clock clock) {
		this.targets = targets;
		this.monitor = monitor;
		this.snapshots = snapshots;
		this.connectTimeoutMillis = (int) properties.connection().connectTimeout().toMillis();
		this.queryTimeoutSeconds = (int) Math.max(1, properties.connection().queryTimeout().toSeconds());
		this.clock = clock;
	}

	/**
	 * @param tenant the tenant whose list the DBA is on, or {@code null}: a session of another tenant
	 *        is not in that list, as for View SQL
	 * @throws TargetUnreachableException if the session cannot be read
	 */
	public PlanResult plan(String targetName, String tenant, long id) {
		Target target = this.targets.require(targetName);
		SessionDialect dialect = this.snapshots.dialect(target);
		String idText = Long.toUnsignedString(id);
		Session session;
		try {
			session = dialect.session(target.jdbc(), id)
				.filter((s) -> tenant == null || s.tenant() == null || tenant.equals(s.tenant()))
				.orElse(null);
		}
		catch (DataAccessException ex) {
			throw new TargetUnreachableException(targetName, rootMessage(ex));
		}
		if (session == null) {
			return result(idText, null, SessionPlan.none("plan.none.ended", idText), "NONE");
		}
		if (!session.hasSql() || "Sleep".equals(session.command())) {
			return result(idText, null, SessionPlan.none("plan.none.idle", idText), "NONE");
		}
		SessionPlacement placement = SessionPlacement.of(target, this.monitor.engine(target), dialect, session);
		if (placement.isRefused()) {
			return result(idText, session.sqlId(), SessionPlan.none("plan.refused.tenant", idText, session.tenant(),
					target.name(), placement.ownTenant()), "NONE");
		}
		SessionPlan plan;
		try {
			plan = placement.read((jdbc) -> dialect.plan(jdbc, id), target, this.connectTimeoutMillis,
					this.queryTimeoutSeconds);
		}
		catch (SQLException | DataAccessException ex) {
			plan = isTimeout(ex) ? SessionPlan.none("plan.failed.timeout", idText, String.valueOf(this.queryTimeoutSeconds))
					: SessionPlan.none("plan.failed", idText, rootMessage(ex));
		}
		return result(idText, session.sqlId(), plan, placement.route());
	}

	private PlanResult result(String id, String sqlId, SessionPlan plan, String route) {
		return new PlanResult(id, sqlId, plan, route, this.clock.instant());
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof QueryTimeoutException || t instanceof SQLTimeoutException
					|| (t instanceof SQLException sql && sql.getErrorCode() == OB_TIMEOUT)) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
