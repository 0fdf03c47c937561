package com.obconsole.plan;

import java.util.Locale;

import com.obconsole.session.DialogPages;
import com.obconsole.session.SessionIds;
import com.obconsole.session.SessionLinks;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.Targets;
import com.obconsole.targets.UnknownTargetException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Plan tab of the View SQL dialog. An htmx request (the tab's first show, Refresh) gets the
 * tab's region; any other request a page of its own, so the plan works without JavaScript too.
 */
@Controller
class PlanPageController {

	static final String PAGE = "plan/plan";

	static final String REGION = PAGE + " :: region";

	static final String PROBLEM = "session/problem";

	static final String REGION_PROBLEM = PAGE + " :: problem";

	private final Targets targets;

	private final PlanService plans;

	private final MessageSource messages;

	private final Sentences sentences;

	PlanPageController(Targets targets, PlanService plans, MessageSource messages, Sentences sentences) {
		this.sentences = sentences;
		this.targets = targets;
		this.plans = plans;
		this.messages = messages;
	}

	@GetMapping("/targets/{target}/sessions/{id}/plan")
	ModelAndView plan(@PathVariable String target, @PathVariable String id,
			@RequestParam(required = false) String tenant, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		this.targets.require(target);
		String scoped = PlanView.blankToNull(tenant);
		PlanResult result = this.plans.plan(target, scoped, SessionIds.parse("id", id));
		SessionLinks links = SessionLinks.of(target, scoped);
		PlanView view = new PlanView(result, PlanView.message(this.messages, result.plan(), locale),
				links.plan(result.sessionId()), links);
		return DialogPages.answer(request, response, PAGE, REGION, view, HttpStatus.OK);
	}

	@ExceptionHandler(UnknownTargetException.class)
	ModelAndView unknownTarget(UnknownTargetException ex) {
		return DialogPages.unknownTarget(this.sentences.say(ex.said()));
	}

	/** A bad session id: the tab says what is wrong, in the viewer's language. */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return problem(request, response, this.messages.getMessage(ex, locale), HttpStatus.BAD_REQUEST);
	}

	@ExceptionHandler(TargetUnreachableException.class)
	ModelAndView unreachable(TargetUnreachableException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return problem(request, response, this.sentences.say(ex.said()), HttpStatus.SERVICE_UNAVAILABLE);
	}

	private static ModelAndView problem(HttpServletRequest request, HttpServletResponse response, String message,
			HttpStatus status) {
		return DialogPages.answer(request, response, PROBLEM, REGION_PROBLEM, message, status);
	}

}
