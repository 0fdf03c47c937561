package com.obconsole.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.obconsole.engine.Session;
import com.obconsole.engine.TraceSupport;
import com.obconsole.targets.TargetMonitor;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.Targets;
import com.obconsole.web.InputError;
import jakarta.servlet.http.HttpServletRequest;

import com.obconsole.web.Sentences;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds what the Tenant Session page shows from the session service, turning a bad parameter or an
 * unreachable target into a view that says so.
 */
@Component
public class SessionPages {

	private final SessionService sessions;

	private final SessionProperties properties;

	private final Targets targets;

	private final TargetMonitor monitor;

	private final MessageSource messages;

	private final Sentences sentences;

	SessionPages(SessionService sessions, SessionProperties properties, Targets targets, TargetMonitor monitor,
			MessageSource messages, Sentences sentences) {
		this.messages = messages;
		this.sentences = sentences;
		this.sessions = sessions;
		this.properties = properties;
		this.targets = targets;
		this.monitor = monitor;
	}

	/** The table region for the view asked for, on the target's own Tenant Session page. */
	SessionTableView table(String target, SessionViewParams params) {
		return table(target, params, SessionListContext.ofTarget(target, params.tenantOrNull()));
	}

	/**
	 * The table region for the view asked for, on the page the context names: the same list,
	 * whose links stay on that page.
	 */
	public SessionTableView table(String target, SessionViewParams params, SessionListContext context) {
		SessionQuery query;
		int refresh;
		try {
			query = params.query();
			refresh = params.refreshSeconds();
		}
		catch (InvalidSessionQueryException ex) {
			return SessionTableView.invalid(target, params, InputError.of(ex, this.messages), context);
		}
		try {
			SessionList list = this.sessions.list(target, context.readTenant(), query);
			// Known once the list is read: whether the More menu offers the tracing dialog, or says why not.
			TraceSupport trace = TraceSupport.of(this.monitor.engine(this.targets.require(target))).in(this.sentences);
			return SessionTableView.of(target, params, query, refresh, list, this.properties.longRunningThreshold(),
					trace, context);
		}
		catch (TargetUnreachableException ex) {
			return SessionTableView.unreachable(target, params, query, refresh, this.sentences.say(ex.said()), context);
		}
	}

	/** An htmx request for a part of the page (the table region); a history restore wants the whole page. */
	public static boolean isFragmentRequest(HttpServletRequest request) {
		return DialogPages.isFragmentRequest(request);
	}

	/**
	 * The View SQL dialog.
	 * @throws InvalidSessionQueryException for a bad id
	 * @throws TargetUnreachableException if the target cannot be read
	 */
	SqlView sql(String target, String tenant, String id) {
		long sessionId = SessionIds.parse("id", id);
		Session session = this.sessions.find(target, blankToNull(tenant), sessionId).orElse(null);
		return new SqlView(Long.toUnsignedString(sessionId), session, links(target, tenant));
	}

	/**
	 * The confirmation of a close, listing each chosen session from the current snapshot: the sessions
	 * given by id, or every session of one SQL ID (the first {@link SessionService#maxBatch} of them,
	 * longest-running first).
	 * @throws InvalidSessionQueryException for a bad kind or ids, or both ids and a SQL ID
	 * @throws TargetUnreachableException if the target cannot be read
	 */
	ConfirmView confirm(String target, String tenant, String kind, List<String> ids, String sqlId) {
		CloseKind closeKind = CloseForm.kind(kind);
		int cap = this.sessions.maxBatch();
		boolean byGroup = !SessionViewParams.blank(sqlId);
		if (byGroup && ids != null && !ids.isEmpty()) {
			throw new InvalidSessionQueryException("sqlId", "input.sqlId.withIds");
		}
		// Only a view: a session ticked twice is listed once, and the form it offers sends each id once.
		List<Long> chosen = new ArrayList<>();
		for (String id : (ids != null) ? ids : List.<String>of()) {
			long parsed = SessionIds.parse("ids", id);
			if (!chosen.contains(parsed)) {
				chosen.add(parsed);
			}
		}
		if (!byGroup && (chosen.isEmpty() || chosen.size() > cap)) {
			throw new InvalidSessionQueryException("ids", "input.sessionIds.count", cap);
		}
		SessionSnapshot snapshot = this.sessions.snapshot(target, blankToNull(tenant));
		ConfirmView.Group group = null;
		if (byGroup) {
			String wanted = SessionQuery.DEFAULT.withSqlId(sqlId).sqlId();
			List<Session> members = SqlGroup.members(snapshot.sessions(), wanted).stream()
				.filter((s) -> !snapshot.isConsole(s))
				.toList();
			members.stream().limit(cap).forEach((s) -> chosen.add(s.id()));
			group = new ConfirmView.Group(wanted, members.stream().allMatch(SqlIds::fromEngine), members.size(), cap);
		}
		List<ConfirmView.Item> items = new ArrayList<>();
		for (long id : chosen) {
			Session session = SessionService.find(snapshot, id).orElse(null);
			SessionRow row = (session != null) ? SessionRow.of(session, this.properties.longRunningThreshold(), false) : null;
			// Whom closing it would release, from the same instant: the DBA sees the cost of the rollback.
			List<String> direct = snapshot.locks().directWaitersOf(id).stream().map(Long::toUnsignedString).toList();
			items.add(new ConfirmView.Item(Long.toUnsignedString(id), row, direct,
					snapshot.locks().allWaitersOf(id).size()));
		}
		return new ConfirmView(closeKind, blankToNull(tenant), items, links(target, tenant), group);
	}

	/** The most sessions one close may act on. */
	int maxBatch() {
		return this.sessions.maxBatch();
	}

	/**
	 * Closes what was confirmed.
	 * @throws InvalidSessionQueryException for a bad form
	 */
	CloseResultsView close(String actor, String target, CloseForm form) {
		Map<Long, SeenSession> seen = form.seen();
		List<CloseResult> results = this.sessions.closeAll(actor, target, form.tenant(), form.ids(), form.kind(), seen);
		Locale locale = LocaleContextHolder.getLocale();
		return new CloseResultsView(form.kind(),
				results.stream().map((r) -> CloseAnswer.of(r, this.sentences, locale)).toList(),
				links(target, form.tenant()));
	}

	private static SessionLinks links(String target, String tenant) {
		return new SessionLinks(target, SessionViewParams.NONE.with("tenant", blankToNull(tenant)), null);
	}

	private static String blankToNull(String text) {
		return SessionViewParams.blank(text) ? null : text.trim();
	}

}
