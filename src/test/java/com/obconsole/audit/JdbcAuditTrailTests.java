package com.obconsole.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.obconsole.web.Sentence;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/** The audit store on real databases, schema from the real migration. */
@ExtendWith(OutputCaptureExtension.class)
class JdbcAuditTrailTests {

	static final Instant T0 = Instant.parse("2026-11-24T02:00:00.123456Z");

	static AuditRecord record(Instant time, String actor, String target, AuditAction action, String outcome) {
		return new AuditRecord(time, actor, target, "mytenant", "3221487622", "10.0.0.5:2882", "app",
				"10.0.0.9:51234", "orders", "5C7D9F0A1B", "SELECT SLEEP(3600)", action, "direct", outcome,
				"Session 3221487622 closed", "{\"old\":\"off\"}");
	}

	@ParameterizedTest
	@EnumSource(AuditStores.class)
	void recordThenFindWithEachFilter(AuditStores store) {
		AuditTrail trail = new JdbcAuditTrail(store.migrated());
		AuditRecord first = record(T0, "alice", "prod-ob", AuditAction.CLOSE_SESSION, "CLOSED");
		AuditRecord second = record(T0.plusSeconds(60), "bob", "prod-ob", AuditAction.CLOSE_QUERY, "ALREADY_ENDED");
		AuditRecord third = record(T0.plusSeconds(120), "alice", "billing", AuditAction.TRACE_ENABLE, "ENABLED");
		AuditRecord fourth = record(T0.plusSeconds(180), "carol", "billing", AuditAction.CLOSE_SESSION, "REFUSED");
		List.of(first, second, third, fourth).forEach(trail::record);

		AuditPage all = trail.find(AuditQuery.all(0, 50));
		assertThat(all.total()).isEqualTo(4);
		assertThat(all.records()).containsExactly(fourth, third, second, first);

		assertThat(find(trail, T0.plusSeconds(60), T0.plusSeconds(180), null, null, null, null))
			.containsExactly(third, second);
		assertThat(find(trail, null, null, "alice", null, null, null)).containsExactly(third, first);
		assertThat(find(trail, null, null, null, "billing", null, null)).containsExactly(fourth, third);
		assertThat(find(trail, null, null, null, null, AuditAction.CLOSE_SESSION, null)).containsExactly(fourth, first);
		assertThat(find(trail, null, null, null, null, null, "ALREADY_ENDED")).containsExactly(second);
		assertThat(find(trail, null, null, "alice", "prod-ob", AuditAction.CLOSE_SESSION, "CLOSED"))
			.containsExactly(first);
		assertThat(find(trail, null, null, "nobody", null, null, null)).isEmpty();

		AuditPage secondPage = trail.find(AuditQuery.all(1, 3));
		assertThat(secondPage.total()).isEqualTo(4);
		assertThat(secondPage.records()).containsExactly(first);
		assertThat(secondPage.pages()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(AuditStores.class)
	void anIntentIsListedOnceByItsOutcomeAndStandsAsUnknownWithoutOne(AuditStores store) {
		AuditTrail trail = new JdbcAuditTrail(store.migrated());
		AuditRecord done = record(T0, "alice", "prod-ob", AuditAction.CLOSE_SESSION, "UNKNOWN");
		long first = trail.intend(done);
		AuditRecord closed = done.withOutcome(T0.plusSeconds(1), "TARGET", "CLOSED", "Session 3221487622 closed.", null);
		trail.complete(first, closed);
		AuditRecord lost = record(T0.plusSeconds(2), "bob", "prod-ob", AuditAction.CLOSE_QUERY, "UNKNOWN");
		long second = trail.intend(lost);
		assertThat(second).isGreaterThan(first);

		AuditPage all = trail.find(AuditQuery.all(0, 50));
		assertThat(all.records()).containsExactly(lost, closed);
		assertThat(all.total()).isEqualTo(2);
		assertThat(find(trail, null, null, null, null, null, "UNKNOWN")).containsExactly(lost);
		assertThat(find(trail, null, null, null, null, null, "CLOSED")).containsExactly(closed);
		assertThatIllegalArgumentException().isThrownBy(() -> trail.intend(closed));
	}

	@ParameterizedTest
	@EnumSource(AuditStores.class)
	void aBatchIsIntendedAndCompletedTogetherEachListedOnceByItsOutcome(AuditStores store) {
		AuditTrail trail = new JdbcAuditTrail(store.migrated());
		List<AuditRecord> intents = List.of(record(T0, "alice", "prod-ob", AuditAction.CLOSE_QUERY, "UNKNOWN"),
				record(T0, "alice", "prod-ob", AuditAction.CLOSE_QUERY, "UNKNOWN"),
				record(T0, "alice", "prod-ob", AuditAction.CLOSE_QUERY, "UNKNOWN"));
		List<Long> ids = trail.intendAll(intents);
		assertThat(ids).hasSize(3).doesNotHaveDuplicates();
		assertThat(find(trail, null, null, null, null, null, "UNKNOWN")).hasSize(3);

		Map<Long, AuditRecord> outcomes = new LinkedHashMap<>();
		outcomes.put(ids.get(0), intents.get(0).withOutcome(T0.plusSeconds(1), "TARGET", "CLOSED", "closed", null));
		outcomes.put(ids.get(1), intents.get(1).withOutcome(T0.plusSeconds(1), "NONE", "REFUSED", "moved", null));
		trail.completeAll(outcomes);
		// The third stands as attempted, outcome unknown, as after a crash between the two writes.
		assertThat(trail.find(AuditQuery.all(0, 50)).records()).extracting(AuditRecord::outcome)
			.containsExactlyInAnyOrder("CLOSED", "REFUSED", "UNKNOWN");
		assertThatIllegalArgumentException().isThrownBy(() -> trail.intendAll(List.of(outcomes.get(ids.get(0)))));
		assertThat(trail.find(AuditQuery.all(0, 50)).total()).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(AuditStores.class)
	void keepsAMessagesCodeAndArgumentsAsWritten(AuditStores store) {
		AuditTrail trail = new JdbcAuditTrail(store.migrated());
		// Arguments as engines write them: quotes, commas, braces, line breaks, Chinese; and a sentence in a sentence.
		Sentence failed = Sentence.of("close.direct.failed", "3221487622", "10.0.0.5:2882",
				Sentence.of("close.engine.error", 1045, "Access denied for user 'root'@'%', {0} \"x\"\n数据库"));
		AuditRecord written = new AuditRecord(T0, "alice", "prod-ob", null, "3221487622", null, null, null, null, null,
				null, AuditAction.CLOSE_SESSION, "DIRECT 10.0.0.5:2882", "FAILED", "OBProxy did not know …", null, failed);
		trail.record(written);
		AuditRecord read = trail.find(AuditQuery.all(0, 50)).records().get(0);
		assertThat(read).isEqualTo(written);
		assertThat(read.sentence()).isEqualTo(failed);
	}

	/** V4 adds the code beside the message: a row written before it keeps its English message, and no code. */
	@ParameterizedTest
	@EnumSource(AuditStores.class)
	void rowsWrittenBeforeMessageCodesAreStillListed(AuditStores store) {
		DataSource dataSource = store.empty();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("3").load().migrate();
		JdbcClient.create(dataSource).sql("""
				INSERT INTO audit_record (acted_at, actor, target, session_id, action, route, outcome, message)
				VALUES ('2026-11-24 02:00:00.123456', 'alice', 'prod-ob', '101', 'CLOSE_SESSION', 'TARGET', 'CLOSED',
				    'Session 101 closed.')
				""").update();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		AuditTrail trail = new JdbcAuditTrail(dataSource);
		trail.record(record(T0.plusSeconds(60), "bob", "prod-ob", AuditAction.CLOSE_QUERY, "CLOSED"));

		AuditPage all = trail.find(AuditQuery.all(0, 50));
		assertThat(all.total()).isEqualTo(2);
		AuditRecord old = all.records().get(1);
		assertThat(old.time()).isEqualTo(T0);
		assertThat(old.message()).isEqualTo("Session 101 closed.");
		assertThat(old.messageCode()).isNull();
		assertThat(old.messageArguments()).isNull();
	}

	@ParameterizedTest
	@EnumSource(AuditStores.class)
	void keepsLongSqlTextAndCutsOverlongShortFields(AuditStores store) {
		AuditTrail trail = new JdbcAuditTrail(store.migrated());
		String sql = "SELECT '数据库 ✓', " + "x".repeat(200_000);
		String longUser = "u".repeat(300);
		AuditRecord big = new AuditRecord(Instant.now(), "alice", "prod-ob", null, "1", null, longUser, null, null,
				null, sql, AuditAction.CLOSE_QUERY, null, "FAILED", "m".repeat(70_000), null);
		trail.record(big);
		AuditRecord stored = trail.find(AuditQuery.all(0, 1)).records().get(0);
		assertThat(stored.sqlText()).isEqualTo(sql);
		assertThat(stored.message()).hasSize(70_000);
		assertThat(stored.sessionUser()).hasSize(128).endsWith("…");
		assertThat(stored.time()).isEqualTo(big.time().truncatedTo(ChronoUnit.MICROS));
	}

	@ParameterizedTest
	@EnumSource(value = AuditStores.class, names = "H2")
	void aRecordTheStoreRefusesIsLoggedInFullAndRethrown(AuditStores store, CapturedOutput output) {
		// No migration: the table is missing, as on a store that is broken or unreachable.
		AuditTrail trail = new JdbcAuditTrail(store.empty());
		AuditRecord lost = record(T0, "alice", "prod-ob", AuditAction.CLOSE_SESSION, "CLOSED");
		assertThatRuntimeException().isThrownBy(() -> trail.record(lost));
		assertThat(output).contains("ERROR")
			.contains("Could not store an audit record")
			.contains("actor=alice")
			.contains("sqlText=SELECT SLEEP(3600)")
			.contains("detail={\"old\":\"off\"}");
	}

	static List<AuditRecord> find(AuditTrail trail, Instant from, Instant to, String actor, String target,
			AuditAction action, String outcome) {
		return trail.find(new AuditQuery(from, to, actor, target, action, outcome, 0, 50)).records();
	}

}
