package com.obconsole.audit;

import java.nio.file.Path;
import java.time.Instant;

import com.obconsole.SessionConsoleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail is kept: what one run of the console records, the next run reads, on the default H2 file. */
class AuditRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void recordsSurviveARestartOfTheConsole() {
		AuditRecord closed = new AuditRecord(Instant.parse("2026-11-24T02:00:00Z"), "alice", "prod-ob", "tenant1", "101",
				null, "app", null, null, null, "SELECT SLEEP(3600)", AuditAction.CLOSE_SESSION, "direct", "CLOSED",
				"Session 101 closed", null);
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(AuditTrail.class).record(closed);
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(AuditTrail.class).find(AuditQuery.all(0, 10)).records()).containsExactly(closed);
		}
	}

	/** The console as it runs by default (an H2 file, same settings as application.yml), in a temporary folder. */
	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SessionConsoleApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("console")
						+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=FALSE");
	}

}
