package com.obconsole.session;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.obconsole.engine.Session;
import com.obconsole.web.ActionParams;
import com.obconsole.web.Sentences;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API over a target's sessions, for scripts and other tools. */
@RestController
@RequestMapping("/api/targets/{target}/sessions")
class SessionApiController {

	private final SessionService sessions;

	private final Sentences sentences;

	SessionApiController(SessionService sessions, Sentences sentences) {
		this.sessions = sessions;
		this.sentences = sentences;
	}

	@GetMapping
	SessionListJson list(@PathVariable String target, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String id, @RequestParam(required = false) String user,
			@RequestParam(required = false) String source, @RequestParam(required = false) String database,
			@RequestParam(required = false) String sqlId, @RequestParam(required = false) String activeOnly, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String direction, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		SessionQuery query = SessionQuery.of(id, user, source, database, activeOnly, sort, direction, page, size)
			.withSqlId(sqlId);
		SessionList list = this.sessions.list(target, blankToNull(tenant), query);
		SessionPage p = list.page();
		SessionSnapshot snapshot = list.snapshot();
		return new SessionListJson(p.figures().total(), p.figures().active(), p.figures().longestActiveSeconds(),
				snapshot.consoleCount(), p.matching(), p.page(), p.size(), snapshot.takenAt(),
				p.sessions().stream().map((s) -> SessionJson.of(s, snapshot.isConsole(s))).toList());
	}

	@GetMapping("/statistics")
	SessionStatistics statistics(@PathVariable String target, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String sort) {
		return this.sessions.statistics(target, blankToNull(tenant), sort);
	}

	// The actions read their query parameters exactly (ActionParams), not through @RequestParam,
	// which joins a repeated value with commas; Jackson is strict about the bodies (application.yml).

	@PostMapping("/{id}/close")
	CloseAnswer close(@PathVariable String target, @PathVariable String id,
			@RequestBody(required = false) SeenJson seen, HttpServletRequest request, Principal principal,
			Locale locale) {
		return answer(closeOne(target, ActionParams.of(request), id, CloseKind.SESSION, seen, principal), locale);
	}

	@PostMapping("/{id}/close-query")
	CloseAnswer closeQuery(@PathVariable String target, @PathVariable String id,
			@RequestBody(required = false) SeenJson seen, HttpServletRequest request, Principal principal,
			Locale locale) {
		return answer(closeOne(target, ActionParams.of(request), id, CloseKind.QUERY, seen, principal), locale);
	}

	@PostMapping("/close")
	List<CloseAnswer> closeAll(@PathVariable String target, @RequestBody(required = false) BatchJson batch,
			HttpServletRequest request, Principal principal, Locale locale) {
		return answers(closeBatch(target, ActionParams.of(request), batch, CloseKind.SESSION, principal), locale);
	}

	@PostMapping("/close-query")
	List<CloseAnswer> closeAllQueries(@PathVariable String target, @RequestBody(required = false) BatchJson batch,
			HttpServletRequest request, Principal principal, Locale locale) {
		return answers(closeBatch(target, ActionParams.of(request), batch, CloseKind.QUERY, principal), locale);
	}

	/** The message follows Accept-Language (English by default); the code does not. */
	private CloseAnswer answer(CloseResult result, Locale locale) {
		return CloseAnswer.of(result, this.sentences, locale);
	}

	private List<CloseAnswer> answers(List<CloseResult> results, Locale locale) {
		return results.stream().map((r) -> answer(r, locale)).toList();
	}

	private CloseResult closeOne(String target, ActionParams params, String id, CloseKind kind, SeenJson seen,
			Principal principal) {
		long sessionId = SessionIds.parse("id", id);
		String tenant = params.name("tenant");
		SeenSession what = (seen != null) ? seen.toSeen() : SeenSession.NOTHING;
		return this.sessions.close(actor(principal), target, tenant, sessionId, kind, what);
	}

	private List<CloseResult> closeBatch(String target, ActionParams params, BatchJson batch, CloseKind kind,
			Principal principal) {
		String tenant = params.name("tenant");
		if (batch == null || batch.ids() == null) {
			throw new InvalidSessionQueryException("ids", "input.sessionIds.json");
		}
		List<String> ids = new ArrayList<>();
		for (Object id : batch.ids()) {
			// A JSON string or a whole JSON number; anything else (true, 1.0, [1]) reads as no id.
			ids.add((id instanceof String || id instanceof Integer || id instanceof Long) ? String.valueOf(id) : "");
		}
		List<Long> parsed = SessionIds.parseAll("ids", ids, this.sessions.maxBatch());
		// A script closing a group names its SQL ID: each session must still run it, or is refused.
		Map<Long, SeenSession> seen = new HashMap<>();
		if (batch.sqlId() != null) {
			if (batch.sqlId().isBlank()) {
				throw new InvalidSessionQueryException("sqlId", "input.sqlId.blank");
			}
			SeenSession running = new SeenSession(null, null, null, SessionQuery.DEFAULT.withSqlId(batch.sqlId()).sqlId(),
					null, null);
			parsed.forEach((id) -> seen.put(id, running));
		}
		return this.sessions.closeAll(actor(principal), target, tenant, parsed, kind, seen);
	}

	static String actor(Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/** The list as scripts see it. */
	record SessionListJson(int total, int active, BigDecimal longestActiveSeconds, int consoleSessions, int matching,
			int page, int size,
			Instant snapshotTime, List<SessionJson> sessions) {
	}

	/** A session as scripts see it: ids are strings, for they are unsigned 64-bit numbers. */
	record SessionJson(String id, String sql, String sqlId, String user, String source, String database,
			String command, BigDecimal executionTimeSeconds, String status, String observer, String proxy,
			String proxySessionId, String transactionState, String traceId, String tenant, Integer traceLevel,
			Integer traceSamplePercentage, String traceRecordPolicy, boolean traceTenantWide, boolean console) {

		static SessionJson of(Session s, boolean console) {
			boolean traced = s.trace().isEnabled();
			return new SessionJson(Long.toUnsignedString(s.id()), s.sql(), s.sqlId(), s.user(), s.source(),
					s.database(), s.command(), s.executionTimeSeconds(), s.status(), s.observer(), s.proxy(),
					s.proxySessionId(), s.transactionState(), s.traceId(), s.tenant(),
					traced ? s.trace().level() : null, traced ? s.trace().samplePercentage() : null,
					traced ? s.trace().recordPolicy() : null, traced && s.trace().tenantWide(), console);
		}

	}

	/** What the caller saw of the session; every field optional. */
	record SeenJson(String observer, String sqlId, String traceId, String sql, String user, String source) {

		SeenSession toSeen() {
			return new SeenSession(this.observer, this.user, this.source, this.sqlId, this.traceId, this.sql);
		}

	}

	/** A batch: ids as strings or numbers, and optionally the SQL ID each must still run. */
	record BatchJson(List<Object> ids, String sqlId) {
	}

}
