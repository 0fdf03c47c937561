package com.obconsole.deadlock;

import java.time.Clock;
import java.util.Locale;

import com.obconsole.engine.DeadlockHistory;
import com.obconsole.web.ActionParams;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/targets/{target}/deadlocks?tenant=&since=&until=&page=&size=}: the deadlock history as JSON. */
@RestController
class DeadlockApiController {

	private final DeadlockService deadlocks;

	private final MessageSource messages;

	private final Clock clock;

	DeadlockApiController(DeadlockService deadlocks, MessageSource messages, Clock clock) {
		this.deadlocks = deadlocks;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/api/targets/{target}/deadlocks")
	DeadlockJson deadlocks(@PathVariable String target, HttpServletRequest request, Locale locale) {
		ActionParams params = ActionParams.of(request);
		String tenant = params.name("tenant");
		DeadlockQuery query = DeadlockQuery.of(params, this.clock);
		DeadlockHistory history = this.deadlocks.history(target, tenant, query);
		String unavailable = history.isAvailable() ? null
				: this.messages.getMessage(history.unavailable(), new Object[] { history.source() }, locale);
		return DeadlockJson.of(target, tenant, query, history, unavailable);
	}

}
