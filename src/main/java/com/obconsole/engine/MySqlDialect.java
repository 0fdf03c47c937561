package com.obconsole.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MySQL and MariaDB: sessions from {@code information_schema.PROCESSLIST}, with the open
 * transaction (if any) from {@code information_schema.INNODB_TRX} where the user may read it.
 */
final class MySqlDialect implements SessionDialect {

	static final String VIEW = "information_schema.PROCESSLIST";

	private static final List<String> WANTED = List.of("ID", "USER", "HOST", "DB", "COMMAND", "TIME", "TIME_MS",
			"STATE", "INFO");

	private final ProcesslistColumns columns;

	private final String serverAddress;

	private final String sessionsSql;

	private final String oneSessionSql;

	private final boolean withTransactions;

	private MySqlDialect(ProcesslistColumns columns, String serverAddress, boolean withTransactions) {
		this.columns = columns;
		this.serverAddress = serverAddress;
		this.withTransactions = withTransactions;
		String select = "SELECT " + columns.selectList(WANTED, "p")
				+ (withTransactions ? ", t.trx_state AS TRX_STATE" : "") + " FROM " + VIEW + " p"
				+ (withTransactions ? " LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID" : "");
		this.sessionsSql = select;
		this.oneSessionSql = select + " WHERE p.ID = :id";
	}

	/**
	 * Learns the columns, and whether this user may read INNODB_TRX (it needs PROCESS).
	 * @param serverAddress host:port shown as the server that runs every session
	 */
	static MySqlDialect discover(JdbcClient jdbc, String serverAddress) {
		ProcesslistColumns columns = ProcesslistColumns.of(jdbc, VIEW);
		boolean transactions;
		try {
			jdbc.sql("SELECT trx_state FROM information_schema.INNODB_TRX WHERE 1 = 0").query().listOfRows();
			transactions = true;
		}
		catch (DataAccessException ex) {
			transactions = false;
		}
		return new MySqlDialect(columns, serverAddress, transactions);
	}

	@Override
	public List<Session> sessions(JdbcClient jdbc, String tenant) {
		return jdbc.sql(this.sessionsSql).query(this::map).list();
	}

	@Override
	public Optional<Session> session(JdbcClient jdbc, long id) {
		return jdbc.sql(this.oneSessionSql).param("id", id).query(this::map).optional();
	}

	@Override
	public List<TenantInfo> tenants(JdbcClient jdbc, EngineInfo engine) {
		return List.of(new TenantInfo(TenantInfo.WHOLE_SERVER, null, false));
	}

	@Override
	public List<String> observers(JdbcClient jdbc) {
		return List.of(this.serverAddress);
	}

	@Override
	public boolean connectsThroughProxy(JdbcClient jdbc) {
		return false;
	}

	@Override
	public String view() {
		return VIEW;
	}

	private Session map(ResultSet rs, int row) throws SQLException {
		String command = rs.getString("COMMAND");
		String transaction = this.withTransactions ? rs.getString("TRX_STATE") : null;
		return new Session(rs.getLong("ID"), OceanBaseDialect.emptyToNull(rs.getString("INFO")), null,
				rs.getString("USER"), rs.getString("HOST"), OceanBaseDialect.emptyToNull(rs.getString("DB")), command,
				seconds(rs), status(command), this.serverAddress, null, null, transaction, null, null,
				TraceSetting.NONE);
	}

	/** MariaDB has TIME_MS (milliseconds, fractional); MySQL only whole seconds in TIME. */
	private BigDecimal seconds(ResultSet rs) throws SQLException {
		if (this.columns.has("TIME_MS")) {
			BigDecimal millis = rs.getBigDecimal("TIME_MS");
			if (millis != null) {
				return millis.divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP);
			}
		}
		return BigDecimal.valueOf(rs.getLong("TIME"));
	}

	/**
	 * MySQL and MariaDB have no session state; it is derived from COMMAND the way OceanBase's
	 * STATE reads: Sleep is SLEEP, Killed is KILLED, server threads are BACKGROUND, anything else
	 * is a request in progress, ACTIVE.
	 */
	static String status(String command) {
		if (command == null) {
			return "ACTIVE";
		}
		return switch (command) {
			case "Sleep" -> "SLEEP";
			case "Killed" -> "KILLED";
			case "Daemon", "Binlog Dump", "Binlog Dump GTID", "Slave_IO", "Slave_SQL", "Slave_worker" -> "BACKGROUND";
			default -> "ACTIVE";
		};
	}

}
