package com.obconsole.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * How the session list and its dialogs (View SQL, the Plan tab, close, tracing) answer: one URL
 * answers htmx with a fragment and anything else (no JavaScript, a history restore) with a whole
 * page, so that every dialog works without JavaScript too.
 */
public final class DialogPages {

	private DialogPages() {
	}

	/** An htmx request for a part of the page; a history restore wants the whole page. */
	public static boolean isFragmentRequest(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-History-Restore-Request"));
	}

	/** {@code fragment} for htmx, else {@code page}; the view as {@code view}. */
	public static ModelAndView answer(HttpServletRequest request, HttpServletResponse response, String page,
			String fragment, Object view, HttpStatus status) {
		// The same URL answers with a fragment or a page: caches must keep them apart.
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		ModelAndView answer = new ModelAndView(isFragmentRequest(request) ? fragment : page, status);
		answer.addObject("view", view);
		return answer;
	}

	/** A dialog template: its {@code dialog} fragment for htmx, else the template as a page. */
	public static ModelAndView dialog(HttpServletRequest request, HttpServletResponse response, String template,
			Object view, HttpStatus status) {
		return answer(request, response, template, template + " :: dialog", view, status);
	}

	/** A target the console has no such name for: a page of its own (404), whatever asked. */
	public static ModelAndView unknownTarget(String message) {
		ModelAndView page = new ModelAndView("session/unknown-target", HttpStatus.NOT_FOUND);
		page.addObject("message", message);
		return page;
	}

}
