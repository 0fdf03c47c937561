package com.obconsole.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail in the console's own database (H2 file by default, MySQL-compatible in
 * production; schema by Flyway, db/migration). Times are stored as UTC DATETIME(6), converted here,
 * so that no driver or server time zone can shift them. Rows are only added: an action's outcome is
 * a row of its own that points at its intent ({@code intent_id}), and a list shows each action
 * once, by its outcome where there is one, else by its intent.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditTrail.class);

	private static final String INSERT = """
			INSERT INTO audit_record (acted_at, actor, target, tenant, session_id, observer, db_user, source,
			    database_name, sql_id, sql_text, action, route, outcome, message, detail, intent_id, message_code,
			    message_args, detail_code, detail_args)
			VALUES (:actedAt, :actor, :target, :tenant, :sessionId, :observer, :dbUser, :source,
			    :databaseName, :sqlId, :sqlText, :action, :route, :outcome, :message, :detail, :intentId, :messageCode,
			    :messageArgs, :detailCode, :detailArgs)
			""";

	private static final String SELECT = """
			SELECT acted_at, actor, target, tenant, session_id, observer, db_user, source, database_name,
			       sql_id, sql_text, action, route, outcome, message, detail, message_code, message_args,
			       detail_code, detail_args
			FROM audit_record r
			""";

	private static final String COUNT = """
			SELECT COUNT(*) FROM audit_record r
			""";

	/** An intent whose outcome is recorded is shown by that outcome, not twice. */
	private static final String NOT_SUPERSEDED = """
			WHERE NOT EXISTS (SELECT 1 FROM audit_record o WHERE o.intent_id = r.id)
			""";

	private static final String NEWEST_FIRST = """
			ORDER BY acted_at DESC, id DESC
			LIMIT :limit OFFSET :offset
			""";

	private final JdbcClient jdbc;

	private final AuditStore store;

	/** One transaction for a batch's records, on the same DataSource, so they commit together. */
	private final TransactionTemplate batch;

	/** The console's own database: the auto-configured DataSource, never a target's pool. */
	JdbcAuditTrail(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.batch = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		this.store = AuditStore.of(dataSource);
		this.store.checkDurability(this.jdbc);
	}

	@Override
	public void record(AuditRecord record) {
		insert(record, null);
	}

	@Override
	public long intend(AuditRecord intent) {
		if (!AuditRecord.UNKNOWN.equals(intent.outcome())) {
			throw new IllegalArgumentException("an intent's outcome is UNKNOWN, not " + intent.outcome());
		}
		return insert(intent, null);
	}

	@Override
	public void complete(long intentId, AuditRecord outcome) {
		insert(outcome, intentId);
	}

	@Override
	public List<Long> intendAll(List<AuditRecord> intents) {
		for (AuditRecord intent : intents) {
			if (!AuditRecord.UNKNOWN.equals(intent.outcome())) {
				throw new IllegalArgumentException("an intent's outcome is UNKNOWN, not " + intent.outcome());
			}
		}
		List<Long> ids = this.batch.execute((status) -> intents.stream().map((r) -> row(r, null)).toList());
		durable(intents);
		return ids;
	}

	@Override
	public void completeAll(Map<Long, AuditRecord> outcomes) {
		try {
			this.batch.executeWithoutResult((status) -> outcomes.forEach((intent, outcome) -> row(outcome, intent)));
		}
		catch (RuntimeException ex) {
			// Rolled back together: every outcome of the batch must survive in the log.
			log.error("Could not store a batch of audit outcomes; the outcomes in full: {}", outcomes, ex);
			throw ex;
		}
		durable(List.copyOf(outcomes.values()));
	}

	/** Inserts a row and makes it durable before answering; its id. */
	private long insert(AuditRecord record, Long intentId) {
		long id = row(record, intentId);
		durable(List.of(record));
		return id;
	}

	private void durable(List<AuditRecord> records) {
		try {
			this.store.afterWrite(this.jdbc);
		}
		catch (RuntimeException ex) {
			log.error("Could not make audit records durable; the records in full: {}", records, ex);
			throw ex;
		}
	}

	/** Inserts a row (in the caller's transaction, if any); its id. */
	private long row(AuditRecord record, Long intentId) {
		try {
			KeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql(INSERT)
				.param("actedAt", utc(record.time()))
				.param("actor", fit(record.actor(), 128))
				.param("target", fit(record.target(), 64))
				.param("tenant", fit(record.tenant(), 128))
				.param("sessionId", fit(record.sessionId(), 64))
				.param("observer", fit(record.observer(), 128))
				.param("dbUser", fit(record.sessionUser(), 128))
				.param("source", fit(record.source(), 255))
				.param("databaseName", fit(record.database(), 128))
				.param("sqlId", fit(record.sqlId(), 64))
				.param("sqlText", record.sqlText())
				.param("action", record.action().name())
				.param("route", fit(record.route(), 255))
				.param("outcome", record.outcome())
				.param("message", record.message())
				.param("detail", record.detail())
				.param("intentId", intentId)
				.param("messageCode", record.messageCode())
				.param("messageArgs", MessageArguments.write(record.messageArguments()))
				.param("detailCode", record.detailCode())
				.param("detailArgs", MessageArguments.write(record.detailArguments()))
				.update(key, "id");
			return key.getKeyAs(Number.class).longValue();
		}
		catch (RuntimeException ex) {
			// The action happened; its record must survive somewhere, so the log gets all of it.
			log.error("Could not store an audit record; the record in full: {}", record, ex);
			throw ex;
		}
	}

	@Override
	public AuditPage find(AuditQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params);
		long total = this.jdbc.sql(COUNT + where).params(params).query(Long.class).single();
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		List<AuditRecord> records = this.jdbc.sql(SELECT + where + NEWEST_FIRST)
			.params(params)
			.query(JdbcAuditTrail::row)
			.list();
		return new AuditPage(records, total, query.page(), query.size());
	}

	/** Fixed SQL fragments for the criteria given; their values only ever go in as parameters. */
	private static String where(AuditQuery query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(NOT_SUPERSEDED);
		if (query.from() != null) {
			where.append("AND acted_at >= :from\n");
			params.put("from", utc(query.from()));
		}
		if (query.to() != null) {
			where.append("AND acted_at < :to\n");
			params.put("to", utc(query.to()));
		}
		if (query.actor() != null) {
			where.append("AND actor = :actor\n");
			params.put("actor", query.actor());
		}
		if (query.target() != null) {
			where.append("AND target = :target\n");
			params.put("target", query.target());
		}
		if (query.action() != null) {
			where.append("AND action = :action\n");
			params.put("action", query.action().name());
		}
		if (query.outcome() != null) {
			where.append("AND outcome = :outcome\n");
			params.put("outcome", query.outcome());
		}
		return where.toString();
	}

	private static AuditRecord row(ResultSet rs, int rowNum) throws SQLException {
		return new AuditRecord(rs.getObject("acted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
				rs.getString("actor"), rs.getString("target"), rs.getString("tenant"), rs.getString("session_id"),
				rs.getString("observer"), rs.getString("db_user"), rs.getString("source"),
				rs.getString("database_name"), rs.getString("sql_id"), rs.getString("sql_text"),
				AuditAction.valueOf(rs.getString("action")), rs.getString("route"), rs.getString("outcome"),
				rs.getString("message"), rs.getString("detail"), rs.getString("message_code"),
				MessageArguments.read(rs.getString("message_args")), rs.getString("detail_code"),
				MessageArguments.read(rs.getString("detail_args")));
	}

	private static LocalDateTime utc(Instant instant) {
		// Cut to what DATETIME(6) holds, rather than let MySQL round it.
		return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	/** Cuts a value to its column rather than lose the whole record to a strict-mode error. */
	static String fit(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end) + "…";
	}

}
