package com.obconsole.audit;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditFilterTests {

	static AuditFilter filter(String from, String to) {
		return new AuditFilter(from, to, null, null, null, null, null, null);
	}

	@Test
	void emptyFilterFindsEverythingFirstPageOfFifty() {
		AuditQuery query = new AuditFilter("", " ", "", null, "", "", "", "").toQuery();
		assertThat(query).isEqualTo(AuditQuery.all(0, 50));
	}

	@Test
	void readsTheTimesADbaTypes() {
		assertThat(filter("2026-11-24T10:00:00+08:00", null).toQuery().from())
			.isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
		// An unencoded '+' arrives as a space.
		assertThat(filter("2026-11-24T10:00:00 08:00", null).toQuery().from())
			.isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
		assertThat(filter("2026-11-24T02:00:00Z", null).toQuery().from()).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
		assertThat(filter("2026-11-24T02:00", null).toQuery().from()).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
		assertThat(filter("2026-11-24 02:00", null).toQuery().from()).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
		// A day alone: from its start, to its end.
		AuditQuery day = filter("2026-11-24", "2026-11-24").toQuery();
		assertThat(day.from()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
		assertThat(day.to()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
	}

	@Test
	void readsActionsAndOutcomesInAnyCase() {
		AuditQuery query = new AuditFilter(null, null, "alice", "prod-ob", "close_session", "closed", "2", "100")
			.toQuery();
		assertThat(query).isEqualTo(new AuditQuery(null, null, "alice", "prod-ob", AuditAction.CLOSE_SESSION, "CLOSED",
				2, 100));
	}

	@Test
	void refusesWhatItCannotReadInWordsFromTheMessages() {
		assertThat(refusal(filter("yesterday", null))).isEqualTo(
				"Cannot read from='yesterday' as a time: use 2026-11-24, 2026-11-24T02:00 (UTC) or 2026-11-24T10:00:00+08:00");
		assertThat(refusal(new AuditFilter(null, null, null, null, "DROP", null, null, null)))
			.isEqualTo("Unknown action 'DROP': use one of [CLOSE_SESSION, CLOSE_QUERY, TRACE_ENABLE, TRACE_DISABLE, TOKEN_CREATE, TOKEN_REVOKE, SIGN_IN]");
		assertThat(refusal(new AuditFilter(null, null, null, null, null, "MAYBE", null, null)))
			.startsWith("Unknown outcome 'MAYBE': use one of [ALREADY_ENDED, CLOSED,");
		assertThat(refusal(new AuditFilter(null, null, null, null, null, null, null, "501")))
			.isEqualTo("size must be a number from 1 to 500, not '501'");
		assertThat(refusal(new AuditFilter(null, null, null, null, null, null, "-1", null)))
			.isEqualTo("page must be a number from 0 to 2147483647, not '-1'");
	}

	static String refusal(AuditFilter filter) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		BadAuditQueryException refusal = catchThrowableOfType(BadAuditQueryException.class, filter::toQuery);
		assertThat(refusal).as("refused").isNotNull();
		return messages.getMessage(refusal, Locale.ROOT);
	}

	@Test
	void queryStringKeepsTheFiltersForLinks() {
		AuditFilter filter = new AuditFilter("2026-11-24T02:00", "", "alice smith", null, "CLOSE_SESSION", null, "3",
				"20");
		assertThat(filter.queryString()).isEqualTo("from=2026-11-24T02:00&actor=alice%20smith&action=CLOSE_SESSION&size=20");
	}

}
