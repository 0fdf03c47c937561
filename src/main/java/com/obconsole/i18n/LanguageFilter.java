package com.obconsole.i18n;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Settles each request's language before anything else runs: {@code ?lang=zh-CN} or
 * {@code ?lang=en} on any URL is kept in the cookie, and the request then answers
 * {@code getLocale()} with the chosen language. So Spring Security's refusals and problem answers,
 * written before Spring MVC resolves a locale, speak the page's language too.
 */
class LanguageFilter extends OncePerRequestFilter {

	private final LocaleResolver localeResolver;

	LanguageFilter(LocaleResolver localeResolver) {
		this.localeResolver = localeResolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String wanted = fromQuery(request.getQueryString());
		Language language = (wanted != null) ? Language.of(Locale.forLanguageTag(wanted.replace('_', '-'))) : null;
		if (language != null) {
			this.localeResolver.setLocale(request, response, language.locale());
		}
		chain.doFilter(new InLanguage(request, this.localeResolver.resolveLocale(request)), response);
	}

	/** From the query string only: reading a form's body here would take it from the action's checks. */
	static String fromQuery(String query) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith(LanguageConfiguration.PARAMETER + "=")) {
				return pair.substring(LanguageConfiguration.PARAMETER.length() + 1);
			}
		}
		return null;
	}

	/** A request whose locale is the console's choice, not only the browser's. */
	private static final class InLanguage extends HttpServletRequestWrapper {

		private final Locale locale;

		InLanguage(HttpServletRequest request, Locale locale) {
			super(request);
			this.locale = locale;
		}

		@Override
		public Locale getLocale() {
			return this.locale;
		}

		@Override
		public Enumeration<Locale> getLocales() {
			return Collections.enumeration(List.of(this.locale));
		}

	}

}
