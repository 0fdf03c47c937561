package com.obconsole.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

	@Test
	void plainCellsStayPlain() {
		assertThat(AuditCsv.cell("alice")).isEqualTo("alice");
		assertThat(AuditCsv.cell("3221487622")).isEqualTo("3221487622");
		assertThat(AuditCsv.cell(null)).isEmpty();
	}

	@Test
	void commasQuotesAndLineBreaksAreQuoted() {
		assertThat(AuditCsv.cell("SELECT a, b FROM t")).isEqualTo("\"SELECT a, b FROM t\"");
		assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AuditCsv.cell("SELECT 1\nFROM dual")).isEqualTo("\"SELECT 1\nFROM dual\"");
		assertThat(AuditCsv.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
	}

	@Test
	void cellsThatLookLikeFormulasAreDefused() {
		assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
		assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
		assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
		assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
	}

	@Test
	void rowsFollowTheHeader() throws IOException {
		StringWriter out = new StringWriter();
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		AuditCsv.header(out, messages, Locale.ENGLISH);
		AuditCsv.row(out, new AuditRecord(Instant.parse("2026-11-24T02:00:00Z"), "alice", "prod-ob", null, "42", null,
				"app", null, null, null, "SELECT 1,\n2", AuditAction.CLOSE_QUERY, null, "CLOSED", "=cmd", null));
		assertThat(out.toString()).isEqualTo("""
				time,actor,target,tenant,session_id,observer,session_user,source,database,sql_id,action,route,\
				outcome,message,detail,sql_text,message_code\r
				2026-11-24T02:00:00Z,alice,prod-ob,,42,,app,,,,CLOSE_QUERY,,CLOSED,'=cmd,,"SELECT 1,
				2",\r
				""");
	}

}
