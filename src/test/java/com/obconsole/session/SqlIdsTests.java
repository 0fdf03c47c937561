package com.obconsole.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's SQL ID for engines that give none: what normalizing keeps and what it drops. */
class SqlIdsTests {

	@Test
	void literalsCommentsAndSpacingAreTakenOut() {
		assertThat(SqlIds.normalize("SELECT  *\n FROM t1 WHERE a = 42 AND b = 'x''y' /* hint */ AND c = \"z\" -- tail\n"))
			.isEqualTo("SELECT * FROM t1 WHERE a = ? AND b = ? AND c = ?");
		assertThat(SqlIds.normalize("select 4.2e-3, 0x2A, -7 from `t 9`")).isEqualTo("select ?, -? from `t 9`");
		assertThat(SqlIds.normalize("SELECT * FROM t WHERE id IN (1, 2,3 ,  4)")).isEqualTo("SELECT * FROM t WHERE id IN (?)");
		assertThat(SqlIds.normalize("INSERT INTO t VALUES ('a', 1), ('b', 2)"))
			.isEqualTo("INSERT INTO t VALUES (?), (?)");
		assertThat(SqlIds.normalize("SELECT col_2, t2.c3 FROM t2 # comment")).isEqualTo("SELECT col_2, t2.c3 FROM t2");
	}

	@Test
	void statementsThatDifferOnlyInLiteralsShareAnIdOthersDoNot() {
		String a = SqlIds.digest("SELECT SLEEP(600) /* one */");
		assertThat(a).hasSize(32).matches("[0-9A-F]+");
		assertThat(SqlIds.digest("SELECT   SLEEP(5)")).isEqualTo(a);
		assertThat(SqlIds.digest("SELECT SLEEP(600) AS other")).isNotEqualTo(a);
		// Case is kept: on Linux, table names differ by case.
		assertThat(SqlIds.digest("SELECT * FROM T")).isNotEqualTo(SqlIds.digest("SELECT * FROM t"));
	}

	@Test
	void unterminatedQuotesAndCommentsDoNotFailTheRead() {
		assertThat(SqlIds.normalize("SELECT 'abc")).isEqualTo("SELECT ?");
		assertThat(SqlIds.normalize("SELECT 1 /* open")).isEqualTo("SELECT ?");
		assertThat(SqlIds.normalize("SELECT 'a\\'b', 2")).isEqualTo("SELECT ?");
	}

}
