package com.obconsole.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The 中文 / English switch of every page ({@code languages}): each link is the URL the page was
 * asked for with {@code lang=} set, so switching keeps the view. Links are paths, never built from
 * the Host header.
 */
@ControllerAdvice
class LanguageLinks {

	private static final String SIGN_IN = "/login";

	@ModelAttribute
	void addLanguageLinks(HttpServletRequest request, Locale locale, Model model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			// JSON has no switch: spare the API's calls the two links.
			return;
		}
		String here = pageAddress(request);
		Language current = Language.of(locale);
		model.addAttribute("languages", Arrays.stream(Language.values())
			.map((language) -> new Link(language.tag(), language.label(), withLanguage(here, language),
					language == current))
			.toList());
	}

	/** The address the browser asked for: an error page or a refusal shows at the address that failed. */
	static String pageAddress(HttpServletRequest request) {
		for (String[] original : List.of(
				new String[] { RequestDispatcher.ERROR_REQUEST_URI, RequestDispatcher.ERROR_QUERY_STRING },
				new String[] { RequestDispatcher.FORWARD_REQUEST_URI, RequestDispatcher.FORWARD_QUERY_STRING })) {
			if (request.getAttribute(original[0]) instanceof String uri) {
				return join(uri, (String) request.getAttribute(original[1]));
			}
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			// The page of a form's answer cannot be asked for again by a link: switch on the home page.
			return request.getContextPath() + "/";
		}
		if (request.getRequestURI().equals(request.getContextPath() + SIGN_IN)) {
			// Its notices (?error, ?locked, ?logout) are one-off: the page in another language starts clean.
			return request.getRequestURI();
		}
		return join(request.getRequestURI(), request.getQueryString());
	}

	/** A path, never //host/…, which a browser would take for another site. */
	private static String join(String uri, String query) {
		String path = "/" + uri.replaceFirst("^/+", "");
		return (query != null && !query.isEmpty()) ? path + "?" + query : path;
	}

	static String withLanguage(String address, Language language) {
		return UriComponentsBuilder.fromUriString(address)
			.replaceQueryParam(LanguageConfiguration.PARAMETER, language.tag())
			.build(true)
			.toUriString();
	}

	/** One language of the switch; {@code active} is the page's own. */
	record Link(String tag, String label, String href, boolean active) {
	}

}
