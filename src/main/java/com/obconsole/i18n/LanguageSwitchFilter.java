package com.obconsole.i18n;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code ?lang=zh-CN} or {@code ?lang=en} on any URL: keeps that language in the cookie and uses it
 * for this request. A language the console does not speak is ignored.
 */
class LanguageSwitchFilter extends OncePerRequestFilter {

	private final LocaleResolver localeResolver;

	LanguageSwitchFilter(LocaleResolver localeResolver) {
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
		chain.doFilter(request, response);
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

}
