package com.obconsole.audit;

import java.time.Instant;
import java.util.UUID;

import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit page, its CSV export and GET /api/audit, over the console's own store. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	/** A target name of this test's own, so that records of other tests in the shared context do not count. */
	String recordSome() {
		String target = "t-" + UUID.randomUUID().toString().substring(0, 8);
		Instant t0 = Instant.parse("2026-11-24T02:00:00Z");
		this.trail.record(new AuditRecord(t0, "alice", target, "tenant1", "101", "10.0.0.5:2882", "app",
				"10.0.0.9:5000", "orders", "ABC", "SELECT a, b FROM t", AuditAction.CLOSE_SESSION, "direct", "CLOSED",
				"Session 101 closed", null));
		this.trail.record(new AuditRecord(t0.plusSeconds(60), "bob", target, null, "102", null, "app", null, null,
				null, "=HYPERLINK(\"http://evil\")", AuditAction.CLOSE_QUERY, null, "ALREADY_ENDED",
				"Session 102 has already ended", null));
		return target;
	}

	@Test
	void adminReadsTheAuditPageNewestFirst() throws Exception {
		String target = recordSome();
		this.mvc.perform(get("/audit").param("target", target).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-11-24 02:01:00")))
			.andExpect(content().string(containsString("Session 102 has already ended")))
			.andExpect(content().string(containsString("2 records; page 1 of 1")))
			// Actions and outcomes in the reader's words; the codes stay beside them for scripts.
			.andExpect(content().string(containsString("data-action=\"CLOSE_SESSION\" title=\"CLOSE_SESSION\">Close Session</td>")))
			.andExpect(content().string(containsString("data-outcome=\"CLOSED\" title=\"CLOSED\">Closed</td>")))
			.andExpect(content().string(containsString("href=\"/audit.csv?target=" + target + "\"")));
		this.mvc.perform(get("/audit").param("target", target).param("actor", "alice").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("Session 101 closed")))
			.andExpect(content().string(not(containsString("Session 102 has already ended"))));
	}

	@Test
	void anIntentWithoutOutcomeIsShownAsAttemptedOutcomeUnknown() throws Exception {
		String target = "t-" + UUID.randomUUID().toString().substring(0, 8);
		AuditRecord intent = new AuditRecord(Instant.parse("2026-11-24T03:00:00Z"), "alice", target, null, "103", null,
				"app", null, null, null, "SELECT SLEEP(3600)", AuditAction.CLOSE_SESSION, null, AuditRecord.UNKNOWN, null,
				null);
		this.trail.intend(intent);
		long answered = this.trail.intend(intent.withOutcome(intent.time(), null, AuditRecord.UNKNOWN, null, null));
		this.trail.complete(answered, intent.withOutcome(intent.time().plusMillis(5), "direct", "CLOSED",
				"Session 103 closed", null));
		this.mvc.perform(get("/audit").param("target", target).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 records; page 1 of 1")))
			// Actions and outcomes in the reader's words; the codes stay beside them for scripts.
			.andExpect(content().string(containsString("data-action=\"CLOSE_SESSION\" title=\"CLOSE_SESSION\">Close Session</td>")))
			.andExpect(content().string(containsString("data-outcome=\"CLOSED\" title=\"CLOSED\">Closed</td>")))
			.andExpect(content().string(containsString("class=\"badge text-bg-warning audit-unknown\"")))
			.andExpect(content().string(containsString(">attempted, outcome unknown</span>")))
			.andExpect(content().string(containsString("Session 103 closed")));
	}

	@Test
	void badFiltersOnThePageSayWhatIsWrong() throws Exception {
		this.mvc.perform(get("/audit").param("from", "last tuesday").with(user("admin").roles("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Cannot read from=")));
	}

	@Test
	void apiAnswersJsonWithTheSameFilters() throws Exception {
		String target = recordSome();
		this.mvc
			.perform(get("/api/audit").param("target", target)
				.param("action", "CLOSE_QUERY")
				.with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(50))
			.andExpect(jsonPath("$.records[0].time").value("2026-11-24T02:01:00Z"))
			.andExpect(jsonPath("$.records[0].actor").value("bob"))
			.andExpect(jsonPath("$.records[0].action").value("CLOSE_QUERY"))
			.andExpect(jsonPath("$.records[0].outcome").value("ALREADY_ENDED"));
	}

	@Test
	void apiRefusesBadParametersWithProblemDetails() throws Exception {
		for (String[] bad : new String[][] { { "from", "2026-13-45" }, { "action", "DROP_TABLE" }, { "size", "501" },
				{ "outcome", "WHATEVER" }, { "page", "x" } }) {
			this.mvc.perform(get("/api/audit").param(bad[0], bad[1]).with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(jsonPath("$.detail").value(containsString(bad[1])));
		}
	}

	@Test
	void csvExportHasEveryMatchingRecordQuotedAndDefused() throws Exception {
		String target = recordSome();
		this.mvc.perform(get("/audit.csv").param("target", target).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"audit-")))
			.andExpect(content().string(startsWith("time,actor,target,")))
			.andExpect(content().string(containsString(
					"2026-11-24T02:00:00Z,alice," + target + ",tenant1,101,10.0.0.5:2882,app,10.0.0.9:5000,orders,ABC,"
							+ "CLOSE_SESSION,direct,CLOSED,Session 101 closed,,\"SELECT a, b FROM t\",\r\n")))
			.andExpect(content().string(containsString(",\"'=HYPERLINK(\"\"http://evil\"\")\",\r\n")));
		this.mvc.perform(get("/audit.csv").param("size", "0").with(user("admin").roles("ADMIN")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void auditIsForAdminsOnly() throws Exception {
		this.mvc.perform(get("/audit").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
		this.mvc.perform(get("/audit.csv").with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/audit").with(httpBasic(TestUsers.VIEWER, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
	}

}
