package com.obconsole.deadlock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.obconsole.web.ActionParams;
import com.obconsole.web.InvalidInputException;

/**
 * Which deadlocks to show: those detected in {@code since <= time < until}, one page of them.
 *
 * @param since the window's start
 * @param until the window's end (exclusive)
 * @param page the page, from 1
 * @param size deadlocks per page
 * @param sinceGiven whether since was given (else the default, a day before until)
 * @param untilGiven whether until was given (else now)
 */
public record DeadlockQuery(Instant since, Instant until, int page, int size, boolean sinceGiven, boolean untilGiven) {

	/** The window when none is given: the last day. */
	static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	/** Far more pages than seven days of deadlocks fill: a larger number is a typo. */
	static final int MAX_PAGE = 100_000;

	/**
	 * The query's parameters, read exactly; absent or empty, the defaults.
	 * @throws InvalidInputException naming the parameter that is not valid
	 */
	static DeadlockQuery of(ActionParams params, Clock clock) {
		Instant untilGiven = instant(params, "until", "input.until");
		Instant sinceGiven = instant(params, "since", "input.since");
		Instant until = (untilGiven != null) ? untilGiven : clock.instant();
		Instant since = (sinceGiven != null) ? sinceGiven : until.minus(DEFAULT_WINDOW);
		if (!since.isBefore(until)) {
			throw new InvalidInputException("since", "input.since.notBeforeUntil", since.toString(), until.toString());
		}
		int page = number(params, "page", "input.page", 1, MAX_PAGE);
		int size = number(params, "size", "input.size", DEFAULT_SIZE, MAX_SIZE);
		return new DeadlockQuery(since, until, page, size, sinceGiven != null, untilGiven != null);
	}

	/** The defaults, for a page that could not read its parameters. */
	static DeadlockQuery defaults(Clock clock) {
		Instant now = clock.instant();
		return new DeadlockQuery(now.minus(DEFAULT_WINDOW), now, 1, DEFAULT_SIZE, false, false);
	}

	int offset() {
		return (this.page - 1) * this.size;
	}

	/** This query with another page. */
	DeadlockQuery onPage(int other) {
		return new DeadlockQuery(this.since, this.until, other, this.size, this.sinceGiven, this.untilGiven);
	}

	/**
	 * The view's query: what differs from the defaults. A later page keeps the window fixed, so that
	 * paging does not slide with the clock.
	 */
	Map<String, String> query() {
		Map<String, String> query = new LinkedHashMap<>();
		if (this.sinceGiven || this.page > 1) {
			query.put("since", this.since.toString());
		}
		if (this.untilGiven || this.page > 1) {
			query.put("until", this.until.toString());
		}
		if (this.page > 1) {
			query.put("page", String.valueOf(this.page));
		}
		if (this.size != DEFAULT_SIZE) {
			query.put("size", String.valueOf(this.size));
		}
		return query;
	}

	private static Instant instant(ActionParams params, String name, String code) {
		String given = params.single(name, 40);
		if (given == null || given.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(given);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(name, code);
		}
	}

	private static int number(ActionParams params, String name, String code, int absent, int max) {
		String given = params.single(name, 12);
		if (given == null || given.isEmpty()) {
			return absent;
		}
		boolean digits = given.chars().allMatch((c) -> c >= '0' && c <= '9');
		if (!digits || given.length() > 6 || given.charAt(0) == '0' || Integer.parseInt(given) > max) {
			throw new InvalidInputException(name, code, max);
		}
		return Integer.parseInt(given);
	}

}
