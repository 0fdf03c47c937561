package com.obconsole.engine;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OceanBase 4.x and seekdb: sessions from {@code oceanbase.GV$OB_PROCESSLIST} (every observer of
 * the tenant), or {@code V$OB_PROCESSLIST} where the engine has only that (seekdb 1.4).
 */
final class OceanBaseDialect implements SessionDialect {

	static final String GLOBAL_VIEW = "oceanbase.GV$OB_PROCESSLIST";

	static final String LOCAL_VIEW = "oceanbase.V$OB_PROCESSLIST";

	private static final List<String> WANTED = List.of("ID", "USER", "HOST", "DB", "TENANT", "COMMAND", "TIME",
			"STATE", "INFO", "SQL_ID", "TRACE_ID", "TRANS_STATE", "USER_CLIENT_IP", "USER_CLIENT_PORT", "SVR_IP",
			"SQL_PORT", "PROXY_SESSID", "LEVEL", "SAMPLE_PERCENTAGE", "RECORD_POLICY");

	private final String view;

	private final ProcesslistColumns columns;

	/** Where each selected column stands in the select list (1-based): rows are read by index. */
	private final Map<String, Integer> positions;

	private final String serverAddress;

	private final String sessionsSql;

	private final String tenantSessionsSql;

	private final String oneSessionSql;

	private final String oneSessionOnObserverSql;

	private final String sessionsWithIdsSql;

	/** Whether GV$OB_FLT_TRACE_CONFIG names tenants (sys-tenant views do), learned on first use. */
	private volatile Boolean traceConfigWithTenantName;

	private volatile boolean traceConfigMissing;

	private OceanBaseDialect(String view, ProcesslistColumns columns, String serverAddress) {
		this.view = view;
		this.columns = columns;
		this.positions = columns.positions(WANTED);
		this.serverAddress = serverAddress;
		String select = "SELECT " + columns.selectList(WANTED, "p") + " FROM " + view + " p";
		this.sessionsSql = select;
		this.tenantSessionsSql = columns.has("TENANT") ? select + " WHERE p.TENANT = :tenant" : select;
		this.oneSessionSql = select + " WHERE p.ID = :id";
		this.oneSessionOnObserverSql = (columns.has("SVR_IP") && columns.has("SQL_PORT"))
				? select + " WHERE p.ID = :id AND p.SVR_IP = :ip AND p.SQL_PORT = :port" : null;
		this.sessionsWithIdsSql = select + " WHERE p.ID IN (:ids)";
	}

	/**
	 * Learns which view and columns the target has.
	 * @param serverAddress host:port to show as OBServer where the view has no SVR_IP
	 */
	static OceanBaseDialect discover(JdbcClient jdbc, String serverAddress) {
		try {
			return new OceanBaseDialect(GLOBAL_VIEW, ProcesslistColumns.of(jdbc, GLOBAL_VIEW), serverAddress);
		}
		catch (BadSqlGrammarException ex) {
			// seekdb 1.4 has no GV$ view: it is one server, and V$ is all there is.
			return new OceanBaseDialect(LOCAL_VIEW, ProcesslistColumns.of(jdbc, LOCAL_VIEW), serverAddress);
		}
	}

	@Override
	public List<Session> sessions(JdbcClient jdbc, String tenant) {
		List<Session> sessions = filtersByTenant(tenant)
				? jdbc.sql(this.tenantSessionsSql).param("tenant", tenant).query(this::map).list()
				: jdbc.sql(this.sessionsSql).query(this::map).list();
		return markTenantWideTracing(jdbc, sessions);
	}

	@Override
	public List<String> sessionsSql(String tenant) {
		return List.of(filtersByTenant(tenant) ? this.tenantSessionsSql : this.sessionsSql);
	}

	/** The lock source, learned on first use (most targets never have their locks asked for). */
	private volatile OceanBaseLocks locks;

	@Override
	public LockWaits lockWaits(JdbcClient jdbc) {
		OceanBaseLocks source = this.locks;
		if (source == null) {
			source = OceanBaseLocks.discover(jdbc);
			this.locks = source;
		}
		return source.read(jdbc);
	}

	@Override
	public String sessionSql() {
		return this.oneSessionSql;
	}

	private boolean filtersByTenant(String tenant) {
		return tenant != null && this.columns.has("TENANT");
	}

	/**
	 * Every session shows its tenant's trace setting unless it has one of its own (seekdb 1.3 traces
	 * every tenant by default): mark those that only show the tenant's, so a "traced" badge means a
	 * setting made for that session. One small read of GV$OB_FLT_TRACE_CONFIG per snapshot.
	 */
	private List<Session> markTenantWideTracing(JdbcClient jdbc, List<Session> sessions) {
		if (!this.columns.has("LEVEL") || sessions.stream().noneMatch((s) -> s.trace().isEnabled())) {
			return sessions;
		}
		Map<String, TraceSetting> tenantSettings = tenantTraceSettings(jdbc);
		if (tenantSettings.isEmpty()) {
			return sessions;
		}
		return sessions.stream().map((s) -> {
			TraceSetting tenantWide = tenantSettings.getOrDefault(s.tenant(), tenantSettings.get(ANY_TENANT));
			return (s.trace().isEnabled() && s.trace().sameAs(tenantWide)) ? s.withTrace(s.trace().asTenantWide()) : s;
		}).toList();
	}

	private static final String ANY_TENANT = "";

	private Map<String, TraceSetting> tenantTraceSettings(JdbcClient jdbc) {
		if (this.traceConfigWithTenantName == null) {
			try {
				this.traceConfigWithTenantName = ProcesslistColumns.of(jdbc, "oceanbase.GV$OB_FLT_TRACE_CONFIG").has("TENANT_NAME");
			}
			catch (DataAccessException ex) {
				this.traceConfigWithTenantName = Boolean.FALSE;
				this.traceConfigMissing = true;
			}
		}
		if (this.traceConfigMissing) {
			return Map.of();
		}
		String sql = this.traceConfigWithTenantName
				? "SELECT TENANT_NAME, LEVEL, SAMPLE_PERCENTAGE, RECORD_POLICY FROM oceanbase.GV$OB_FLT_TRACE_CONFIG WHERE TYPE = 'TENANT'"
				: "SELECT '' AS TENANT_NAME, LEVEL, SAMPLE_PERCENTAGE, RECORD_POLICY FROM oceanbase.GV$OB_FLT_TRACE_CONFIG WHERE TYPE = 'TENANT'";
		try {
			Map<String, TraceSetting> settings = new java.util.HashMap<>();
			jdbc.sql(sql).query((rs) -> {
				settings.put(rs.getString(1), new TraceSetting(rs.getInt(2), rs.getInt(3), rs.getString(4)));
			});
			return settings;
		}
		catch (DataAccessException ex) {
			return Map.of();
		}
	}

	@Override
	public Optional<Session> session(JdbcClient jdbc, long id) {
		// Session ids are unique in a cluster; take the first row should a view ever repeat one.
		List<Session> found = jdbc.sql(this.oneSessionSql).param("id", id).query(this::map).list();
		// As in the list: the tracing dialog tells a setting of the session's own from its tenant's.
		return markTenantWideTracing(jdbc, found).stream().findFirst();
	}

	@Override
	public Optional<Session> session(JdbcClient jdbc, long id, String observer) {
		int colon = (observer != null) ? observer.lastIndexOf(':') : -1;
		if (this.oneSessionOnObserverSql == null || colon <= 0) {
			return session(jdbc, id);
		}
		int port;
		try {
			port = Integer.parseInt(observer.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			return session(jdbc, id);
		}
		List<Session> found = jdbc.sql(this.oneSessionOnObserverSql)
			.param("id", id)
			.param("ip", observer.substring(0, colon))
			.param("port", port)
			.query(this::map)
			.list();
		return markTenantWideTracing(jdbc, found).stream().findFirst();
	}

	@Override
	public String sessionOnObserverSql() {
		return (this.oneSessionOnObserverSql != null) ? this.oneSessionOnObserverSql : this.oneSessionSql;
	}

	@Override
	public List<Session> sessionsWithIds(JdbcClient jdbc, java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : jdbc.sql(this.sessionsWithIdsSql).param("ids", ids).query(this::map).list();
	}

	@Override
	public String sessionsWithIdsSql() {
		return this.sessionsWithIdsSql;
	}

	@Override
	public List<TenantInfo> tenants(JdbcClient jdbc, EngineInfo engine) {
		if (!this.columns.has("TENANT")) {
			return List.of(new TenantInfo(TenantInfo.WHOLE_SERVER, engine.mode(), false));
		}
		try {
			// A sys tenant sees them all; META tenants hold no user sessions.
			return jdbc.sql("""
					SELECT TENANT_NAME, COMPATIBILITY_MODE FROM oceanbase.DBA_OB_TENANTS
					WHERE TENANT_TYPE <> 'META' ORDER BY TENANT_ID
					""").query((rs, n) -> new TenantInfo(rs.getString(1), rs.getString(2), true)).list();
		}
		catch (DataAccessException ex) {
			// seekdb 1.3 has no DBA_OB_TENANTS: its tenant is the one its own session runs in.
			String own = (engine.tenant() != null) ? engine.tenant() : "sys";
			return List.of(new TenantInfo(own, engine.mode(), true));
		}
	}

	@Override
	public List<String> observers(JdbcClient jdbc) {
		for (String sql : List.of("SELECT SVR_IP, SQL_PORT FROM oceanbase.DBA_OB_SERVERS ORDER BY SVR_IP, SQL_PORT",
				"SELECT SVR_IP, SQL_PORT FROM oceanbase.V$OB_SERVER_STAT")) {
			try {
				List<String> found = jdbc.sql(sql).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list();
				if (!found.isEmpty()) {
					return found;
				}
			}
			catch (DataAccessException ex) {
				// A tenant connection cannot read DBA_OB_SERVERS; try the next source.
			}
		}
		return List.of(this.serverAddress);
	}

	@Override
	public boolean connectsThroughProxy(JdbcClient jdbc) {
		if (!this.columns.has("PROXY_SESSID")) {
			return false;
		}
		// As ODC decides: our own row with no PROXY_SESSID means a direct connection; a proxied
		// connection has one, or no row at all when OBProxy's CONNECTION_ID() is its own id.
		List<Map<String, Object>> own = jdbc.sql("SELECT PROXY_SESSID FROM " + this.view + " WHERE ID = CONNECTION_ID()")
			.query()
			.listOfRows();
		return own.isEmpty() || own.get(0).get("PROXY_SESSID") != null;
	}

	@Override
	public void enableTrace(JdbcClient jdbc, long id, int level, BigDecimal fraction, String policy) {
		jdbc.sql("CALL DBMS_MONITOR.OB_SESSION_TRACE_ENABLE(:id, :level, :fraction, :policy)")
			.param("id", id)
			.param("level", level)
			.param("fraction", fraction)
			.param("policy", policy)
			.update();
	}

	@Override
	public void disableTrace(JdbcClient jdbc, long id) {
		jdbc.sql("CALL DBMS_MONITOR.OB_SESSION_TRACE_DISABLE(:id)").param("id", id).update();
	}

	@Override
	public Optional<String> ownObserver(JdbcClient jdbc) {
		if (!this.columns.has("SVR_IP")) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT SVR_IP, SQL_PORT FROM " + this.view + " WHERE ID = CONNECTION_ID()")
			.query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
			.list()
			.stream()
			.findFirst();
	}

	@Override
	public String view() {
		return this.view;
	}

	private Session map(ResultSet rs, int row) throws SQLException {
		String host = text(rs, "HOST");
		String proxySessionId = text(rs, "PROXY_SESSID");
		String svrIp = text(rs, "SVR_IP");
		String observer = (svrIp != null) ? svrIp + ":" + text(rs, "SQL_PORT") : this.serverAddress;
		return new Session(rs.getLong(at("ID")), emptyToNull(text(rs, "INFO")), emptyToNull(text(rs, "SQL_ID")),
				text(rs, "USER"), source(rs, host, proxySessionId), database(text(rs, "DB")), text(rs, "COMMAND"),
				seconds(rs), text(rs, "STATE"), observer, (proxySessionId != null) ? host : null, proxySessionId,
				emptyToNull(text(rs, "TRANS_STATE")), emptyToNull(text(rs, "TRACE_ID")), text(rs, "TENANT"),
				trace(rs));
	}

	/** The real client: USER_CLIENT_IP (with USER_CLIENT_PORT where the version has it), else HOST. */
	private String source(ResultSet rs, String host, String proxySessionId) throws SQLException {
		String clientIp = emptyToNull(text(rs, "USER_CLIENT_IP"));
		if (clientIp == null) {
			return host;
		}
		long clientPort = this.columns.has("USER_CLIENT_PORT") ? rs.getLong(at("USER_CLIENT_PORT")) : 0;
		if (clientPort > 0) {
			return clientIp + ":" + clientPort;
		}
		// A direct connection's HOST is the client itself, with its port.
		if (proxySessionId == null && host != null && host.startsWith(clientIp + ":")) {
			return host;
		}
		return clientIp;
	}

	/**
	 * TIME is a DOUBLE on 4.3 (fractional seconds): its text makes the BigDecimal directly, where
	 * getBigDecimal would go through a double and back (a tenth of the list's read time at 5,000).
	 */
	private BigDecimal seconds(ResultSet rs) throws SQLException {
		String time = text(rs, "TIME");
		if (time == null || time.isEmpty()) {
			return BigDecimal.ZERO;
		}
		try {
			return new BigDecimal(time);
		}
		catch (NumberFormatException ex) {
			BigDecimal value = rs.getBigDecimal(at("TIME"));
			return (value != null) ? value : BigDecimal.ZERO;
		}
	}

	private TraceSetting trace(ResultSet rs) throws SQLException {
		if (!this.columns.has("LEVEL")) {
			return TraceSetting.NONE;
		}
		int level = rs.getInt(at("LEVEL"));
		if (rs.wasNull() || level <= 0) {
			return TraceSetting.NONE;
		}
		int sample = this.columns.has("SAMPLE_PERCENTAGE") ? rs.getInt(at("SAMPLE_PERCENTAGE")) : -1;
		return new TraceSetting(level, sample, text(rs, "RECORD_POLICY"));
	}

	/** A column's text, or {@code null} where this view lacks the column. */
	private String text(ResultSet rs, String column) throws SQLException {
		Integer position = this.positions.get(column);
		return (position != null) ? rs.getString(position) : null;
	}

	/** A column's position in the select list; the column must be one this view has. */
	private int at(String column) {
		return this.positions.get(column);
	}

	/** OceanBase writes the string "NULL" for "no database selected". */
	static String database(String db) {
		return (db == null || db.isEmpty() || "NULL".equals(db)) ? null : db;
	}

	static String emptyToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	/** The deadlock history's views, learned on first use; {@code null} until then. */
	private volatile OceanBaseDeadlocks deadlockViews;

	private volatile boolean deadlockViewsMissing;

	@Override
	public DeadlockHistory deadlocks(JdbcClient jdbc, String tenant, java.time.Instant since, java.time.Instant until,
			int offset, int limit) {
		OceanBaseDeadlocks views = this.deadlockViews;
		if (views == null && !this.deadlockViewsMissing) {
			views = OceanBaseDeadlocks.discover(jdbc);
			this.deadlockViews = views;
			this.deadlockViewsMissing = (views == null);
		}
		if (views == null) {
			return DeadlockHistory.unavailable("deadlocks.unavailable.noHistoryView", OceanBaseDeadlocks.TENANT_VIEW);
		}
		return views.read(jdbc, tenant, since, until, offset, limit);
	}

	private final OceanBasePlans plans = new OceanBasePlans();

	@Override
	public SessionPlan plan(JdbcClient jdbc, long id) {
		return this.plans.read(jdbc, id);
	}

}
