package com.obconsole.session;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.Targets;
import com.obconsole.targets.UnknownTargetException;
import com.obconsole.web.ActionParams;
import com.obconsole.web.InvalidInputException;
import com.obconsole.web.Sentences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
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
 * The Tenant Session page. Every URL answers an htmx request with its fragment and any other
 * request with a full page, so links and forms work without JavaScript too.
 */
@Controller
@RequestMapping("/targets/{target}/sessions")
class SessionPageController {

	static final String LIST_PAGE = "session/list";

	static final String TABLE_FRAGMENT = "session/table :: region";

	private final Targets targets;

	private final SessionPages pages;

	private final MessageSource messages;

	private final Sentences sentences;

	SessionPageController(Targets targets, SessionPages pages, MessageSource messages, Sentences sentences) {
		this.sentences = sentences;
		this.targets = targets;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping
	ModelAndView list(@PathVariable String target, SessionViewParams params, HttpServletRequest request,
			HttpServletResponse response) {
		this.targets.require(target);
		SessionTableView view = this.pages.table(target, params);
		return DialogPages.answer(request, response, LIST_PAGE, TABLE_FRAGMENT, view, view.status());
	}

	@GetMapping("/{id}/sql")
	ModelAndView sql(@PathVariable String target, @PathVariable String id,
			@RequestParam(required = false) String tenant, HttpServletRequest request, HttpServletResponse response) {
		this.targets.require(target);
		SqlView view = this.pages.sql(target, tenant, id);
		return DialogPages.dialog(request, response, "session/sql", view, HttpStatus.OK);
	}

	@GetMapping("/confirm")
	ModelAndView confirm(@PathVariable String target, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String kind, @RequestParam(required = false) List<String> ids,
			@RequestParam(required = false) String sqlId, HttpServletRequest request, HttpServletResponse response) {
		this.targets.require(target);
		ConfirmView view = this.pages.confirm(target, tenant, kind, ids, sqlId);
		return DialogPages.dialog(request, response, "session/confirm", view, HttpStatus.OK);
	}

	/** Reads the form exactly ({@link ActionParams}): a value Spring would trim or join closes nothing. */
	@PostMapping("/close")
	ModelAndView close(@PathVariable String target, Principal principal, HttpServletRequest request,
			HttpServletResponse response) {
		this.targets.require(target);
		CloseResultsView view = this.pages.close(actor(principal), target, CloseForm.from(ActionParams.of(request), this.pages.maxBatch()));
		return DialogPages.dialog(request, response, "session/results", view, HttpStatus.OK);
	}

	@ExceptionHandler(UnknownTargetException.class)
	ModelAndView unknownTarget(UnknownTargetException ex) {
		return DialogPages.unknownTarget(this.sentences.say(ex.said()));
	}

	/** A bad id, kind or form in a dialog: the dialog says what is wrong, in the viewer's language. */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return DialogPages.dialog(request, response, "session/problem", this.messages.getMessage(ex, locale),
				HttpStatus.BAD_REQUEST);
	}

	@ExceptionHandler(TargetUnreachableException.class)
	ModelAndView unreachable(TargetUnreachableException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return DialogPages.dialog(request, response, "session/problem", this.sentences.say(ex.said()), HttpStatus.SERVICE_UNAVAILABLE);
	}

	static String actor(Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}

}
