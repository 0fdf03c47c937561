package com.obconsole.trace;

import java.util.Locale;

import com.obconsole.engine.Session;
import com.obconsole.engine.TraceSupport;
import com.obconsole.security.Actor;
import com.obconsole.session.DialogPages;
import com.obconsole.session.SessionIds;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.Targets;
import com.obconsole.targets.UnknownTargetException;
import com.obconsole.web.ActionParams;
import com.obconsole.web.InputError;
import com.obconsole.web.InvalidInputException;
import com.obconsole.web.Sentences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Full link tracking configuration dialog of the Tenant Session page (under More in the
 * Actions column). Like the page's other dialogs, an htmx request gets the dialog's content and any
 * other request a page of its own, so it works without JavaScript too.
 */
@Controller
@RequestMapping("/targets/{target}/sessions/{id}/trace")
class TracePageController {

	static final String DIALOG = "trace/dialog";

	static final String RESULT = "trace/result";

	static final String PROBLEM = "session/problem";

	private final Targets targets;

	private final TraceService tracing;

	private final MessageSource messages;

	private final Sentences sentences;

	TracePageController(Targets targets, TraceService tracing, MessageSource messages, Sentences sentences) {
		this.sentences = sentences;
		this.targets = targets;
		this.tracing = tracing;
		this.messages = messages;
	}

	/** The session, its current setting, and the form that changes it. */
	@GetMapping
	ModelAndView dialog(@PathVariable String target, @PathVariable String id,
			@RequestParam(required = false) String tenant, HttpServletRequest request, HttpServletResponse response) {
		this.targets.require(target);
		long sessionId = SessionIds.parse("id", id);
		TraceSupport support = this.tracing.support(target);
		Session session = live(target, sessionId);
		TraceDialogView view = new TraceDialogView(links(target, tenant, sessionId), Long.toUnsignedString(sessionId),
				session, support, TraceForm.of((session != null) ? session.trace() : null), null);
		return DialogPages.dialog(request, response, DIALOG, view, HttpStatus.OK);
	}

	/**
	 * Switches the session's tracing on with the settings, or off. A bad setting comes back in the
	 * form (400) and never reaches the engine.
	 */
	@PostMapping
	ModelAndView change(@PathVariable String target, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response) {
		this.targets.require(target);
		long sessionId = SessionIds.parse("id", id);
		// Read exactly (ActionParams): a repeated or padded field is a 400, not Spring's trim or first value.
		ActionParams params = ActionParams.of(request);
		TraceLinks links = links(target, params.name("tenant"), sessionId);
		TraceForm form = TraceForm.posted(params);
		TraceRequest trace = null;
		try {
			if (form.on()) {
				trace = form.request();
			}
			else {
				form.checkGiven();
			}
		}
		catch (InvalidTraceRequestException ex) {
			TraceDialogView view = new TraceDialogView(links, Long.toUnsignedString(sessionId),
					live(target, sessionId), this.tracing.support(target), form, InputError.of(ex, this.messages));
			return DialogPages.dialog(request, response, DIALOG, view, HttpStatus.BAD_REQUEST);
		}
		TraceResult result = (trace != null) ? this.tracing.enable(Actor.current(), target, sessionId, trace)
				: this.tracing.disable(Actor.current(), target, sessionId);
		return DialogPages.dialog(request, response, RESULT, new TraceResultView(
				TraceAnswer.of(result, this.sentences, LocaleContextHolder.getLocale()), form.on(), links), HttpStatus.OK);
	}

	@ExceptionHandler(UnknownTargetException.class)
	ModelAndView unknownTarget(UnknownTargetException ex) {
		return DialogPages.unknownTarget(this.sentences.say(ex.said()));
	}

	/** A bad session id or field: the dialog says what is wrong, in the viewer's language. */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return DialogPages.dialog(request, response, PROBLEM, this.messages.getMessage(ex, locale), HttpStatus.BAD_REQUEST);
	}

	@ExceptionHandler(TargetUnreachableException.class)
	ModelAndView unreachable(TargetUnreachableException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return DialogPages.dialog(request, response, PROBLEM, this.sentences.say(ex.said()), HttpStatus.SERVICE_UNAVAILABLE);
	}

	/** The session as the engine shows it now, or {@code null} if it has ended. */
	private Session live(String target, long id) {
		try {
			return this.tracing.session(target, id).orElse(null);
		}
		catch (DataAccessException ex) {
			throw new TargetUnreachableException(target, rootMessage(ex));
		}
	}

	private static TraceLinks links(String target, String tenant, long id) {
		String scoped = (tenant == null || tenant.isBlank()) ? null : tenant.trim();
		return new TraceLinks(target, scoped, Long.toUnsignedString(id));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
