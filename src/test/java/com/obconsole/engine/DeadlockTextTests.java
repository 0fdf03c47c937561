package com.obconsole.engine;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the engines' deadlock records: InnoDB's text and OceanBase's VISITOR. */
class DeadlockTextTests {

	/** As MariaDB 11.4 wrote it in the tests (shortened): SHOW ENGINE INNODB STATUS. */
	static final String STATUS = """

			=====================================
			2026-12-04 00:50:21 0x7f2bc54686c0 INNODB MONITOR OUTPUT
			=====================================
			------------------------
			LATEST DETECTED DEADLOCK
			------------------------
			2026-12-04 00:50:21 0x7f2bc54b36c0
			*** (1) TRANSACTION:
			TRANSACTION 25, ACTIVE 1 sec starting index read
			mysql tables in use 1, locked 1
			MariaDB thread id 6, OS thread handle 139825970362048, query id 35 127.0.0.1 admin Updating
			UPDATE console_test.dl SET v = v + 20 WHERE id = 1
			*** WAITING FOR THIS LOCK TO BE GRANTED:
			RECORD LOCKS space id 8 page no 3 n bits 320 index PRIMARY of table `console_test`.`dl` trx id 25 lock_mode X locks rec but not gap waiting

			*** (2) TRANSACTION:
			TRANSACTION 24, ACTIVE 1 sec starting index read
			MariaDB thread id 5, OS thread handle 139825970669248, query id 33 127.0.0.1 admin Updating
			/* <script>alert(1)</script> */ UPDATE console_test.dl
			  SET v = v + 10 WHERE id = 2
			*** WAITING FOR THIS LOCK TO BE GRANTED:
			RECORD LOCKS space id 8 page no 3 n bits 320 index PRIMARY of table `console_test`.`dl` trx id 24 lock_mode X locks rec but not gap waiting

			*** WE ROLL BACK TRANSACTION (2)
			------------
			TRANSACTIONS
			------------
			Trx id counter 28
			""";

	@Test
	void theLatestDeadlockSectionIsCutOutWithItsMembers() {
		String section = InnoDbDeadlocks.section(STATUS);
		assertThat(section).startsWith("2026-12-04 00:50:21 0x7f2bc54b36c0").endsWith("WE ROLL BACK TRANSACTION (2)");
		Deadlock deadlock = InnoDbDeadlocks.parse(section, ZoneOffset.ofHours(8));
		assertThat(deadlock.time()).isEqualTo(Instant.parse("2026-12-03T16:50:21Z"));
		assertThat(deadlock.members()).hasSize(2);
		DeadlockMember first = deadlock.members().get(0);
		assertThat(first.sessionId()).isEqualTo(6L);
		assertThat(first.transaction()).isEqualTo("25");
		assertThat(first.sql()).isEqualTo("UPDATE console_test.dl SET v = v + 20 WHERE id = 1");
		assertThat(first.object()).isEqualTo("console_test.dl (PRIMARY)");
		assertThat(first.rolledBack()).isFalse();
		DeadlockMember second = deadlock.members().get(1);
		assertThat(second.sql()).isEqualTo("/* <script>alert(1)</script> */ UPDATE console_test.dl\n  SET v = v + 10 WHERE id = 2");
		assertThat(second.rolledBack()).isTrue();
	}

	@Test
	void aServerWithoutDeadlockHasNoSection() {
		assertThat(InnoDbDeadlocks.section("=====\nBACKGROUND THREAD\n-----\nTRANSACTIONS\n")).isNull();
	}

	@Test
	void theVisitorGivesTheSessionWhereTheVersionWritesIt() {
		assertThat(OceanBaseDeadlocks.sessionId("{txid:73}")).isNull();
		assertThat(OceanBaseDeadlocks.transaction("{txid:73}")).isEqualTo("73");
		assertThat(OceanBaseDeadlocks.sessionId("{session_id:3221487780}:{txid:72}")).isEqualTo(3221487780L);
		assertThat(OceanBaseDeadlocks.transaction("{session_id:3221487780}:{txid:72}")).isEqualTo("72");
		assertThat(OceanBaseDeadlocks.transaction("12345")).isEqualTo("12345");
		assertThat(OceanBaseDeadlocks.sessionId("{session_id:0}:{txid:1}")).isNull();
	}

}
