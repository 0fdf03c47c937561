package com.obconsole.engine;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	private OceanBaseDialect(String view, ProcesslistColumns columns, String serverAddress) {
		this.view = view;
		this.columns = columns;
		this.positions = columns.positions(WANTED);
		this.serverAddress = serverAddress;
		String select = "SELECT " + columns.selectList(WANTED, "p") + " FROM " + view + " p";
		this.sessionsSql = select;
		this.tenantSessionsSql = columns.has("TENANT") ? select + " WHERE p.TENANT = :tenant" : select;
		this.oneSessionSql = select + " WHERE p.ID = :id";
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
		if (filtersByTenant(tenant)) {
			return jdbc.sql(this.tenantSessionsSql).param("tenant", tenant).query(this::map).list();
		}
		return jdbc.sql(this.sessionsSql).query(this::map).list();
	}

	@Override
	public List<String> sessionsSql(String tenant) {
		return List.of(filtersByTenant(tenant) ? this.tenantSessionsSql : this.sessionsSql);
	}

	private boolean filtersByTenant(String tenant) {
		return tenant != null && this.columns.has("TENANT");
	}

	@Override
	public Optional<Session> session(JdbcClient jdbc, long id) {
		// Session ids are unique in a cluster; take the first row should a view ever repeat one.
		return jdbc.sql(this.oneSessionSql).param("id", id).query(this::map).list().stream().findFirst();
	}

	@Override
	public String sessionSql() {
		return this.oneSessionSql;
	}

	@Override
	public void closeSession(JdbcClient jdbc, long id) {
		// KILL takes no bind parameter; the id is a parsed number, never text from a user.
		jdbc.sql("KILL " + Long.toUnsignedString(id)).update();
	}

	@Override
	public void closeQuery(JdbcClient jdbc, long id) {
		jdbc.sql("KILL QUERY " + Long.toUnsignedString(id)).update();
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

}
