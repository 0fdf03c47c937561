package com.obconsole.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit filters as they came in the URL (so that a form can show them back as typed), and
 * their reading as an {@link AuditQuery}. Shared by the page, the CSV export and the API.
 *
 * @param from earliest time: {@code 2026-11-24T10:00:00+08:00}, {@code 2026-11-24T02:00:00Z},
 * {@code 2026-11-24T02:00} (UTC) or {@code 2026-11-24} (start of that day, UTC)
 * @param to latest time, the same forms; a date alone means to the end of that day
 * @param actor username
 * @param target target name
 * @param action an {@link AuditAction} name
 * @param outcome an outcome, see {@link AuditRecord#OUTCOMES}
 * @param page page number from 0
 * @param size records per page, up to {@link AuditQuery#MAX_SIZE}
 */
record AuditFilter(String from, String to, String actor, String target, String action, String outcome, String page,
		String size) {

	static final int DEFAULT_SIZE = 50;

	AuditQuery toQuery() {
		Instant fromTime = time("from", this.from, false);
		Instant toTime = time("to", this.to, true);
		return new AuditQuery(fromTime, toTime, blankToNull(this.actor), blankToNull(this.target), parsedAction(), parsedOutcome(),
				number("page", this.page, 0, 0, Integer.MAX_VALUE),
				number("size", this.size, DEFAULT_SIZE, 1, AuditQuery.MAX_SIZE));
	}

	/** The filters as URL query parameters, without the page: for pager and export links. */
	String queryString() {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		add(uri, "from", this.from);
		add(uri, "to", this.to);
		add(uri, "actor", this.actor);
		add(uri, "target", this.target);
		add(uri, "action", this.action);
		add(uri, "outcome", this.outcome);
		add(uri, "size", this.size);
		String query = uri.encode().build().getQuery();
		return (query != null) ? query : "";
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (blankToNull(value) != null) {
			uri.queryParam(name, value.strip());
		}
	}

	private AuditAction parsedAction() {
		String name = blankToNull(this.action);
		if (name == null) {
			return null;
		}
		try {
			return AuditAction.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadAuditQueryException("audit.bad.action", name, Arrays.toString(AuditAction.values()));
		}
	}

	private String parsedOutcome() {
		String name = blankToNull(this.outcome);
		if (name == null) {
			return null;
		}
		String upper = name.toUpperCase(Locale.ROOT);
		if (!AuditRecord.OUTCOMES.contains(upper)) {
			throw new BadAuditQueryException("audit.bad.outcome", name,
					AuditRecord.OUTCOMES.stream().sorted().toList().toString());
		}
		return upper;
	}

	private static Instant time(String name, String value, boolean endOfDay) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (text.length() > 10 && text.charAt(10) == ' ') {
			text = text.substring(0, 10) + 'T' + text.substring(11);
		}
		// An unencoded '+' of an offset arrives as a space.
		text = text.replace(' ', '+');
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
				return OffsetDateTime.parse(text).toInstant();
			}
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new BadAuditQueryException("audit.bad.time", name, text);
		}
	}

	private static int number(String name, String value, int otherwise, int min, int max) {
		String text = blankToNull(value);
		if (text == null) {
			return otherwise;
		}
		try {
			int number = Integer.parseInt(text);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new BadAuditQueryException("audit.bad.number", name, String.valueOf(min), String.valueOf(max), text);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
