package com.obconsole.i18n;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * How a request's language is chosen: the cookie a {@code ?lang=} switch set, else the browser's
 * Accept-Language (any zh is zh-CN), else English. The cookie is the console's own, not the
 * session's, so the choice survives signing in and out.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	static final String COOKIE = "console-lang";

	static final String PARAMETER = "lang";

	/** Named so, it replaces Boot's Accept-Language-only resolver, which cannot store a choice. */
	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new SupportedLocaleResolver();
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		// A cookie the console did not write (an old or hand-made value) is ignored, not a 500.
		resolver.setRejectInvalidCookies(false);
		resolver.setDefaultLocaleFunction((request) -> Language.preferred(request).locale());
		return resolver;
	}

	/**
	 * Runs before Spring Security, so that {@code ?lang=} works on every URL, the sign-in page and the
	 * redirect to it included, and on error pages.
	 */
	@Bean
	FilterRegistrationBean<LanguageFilter> languageFilter(LocaleResolver localeResolver) {
		FilterRegistrationBean<LanguageFilter> registration = new FilterRegistrationBean<>(
				new LanguageFilter(localeResolver));
		// Spring Security's filter chain is at -100 (SecurityProperties.DEFAULT_FILTER_ORDER).
		registration.setOrder(-110);
		return registration;
	}

	/** Stores only a language the console speaks, under its canonical tag (zh-CN, en). */
	private static final class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver() {
			super(COOKIE);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Language language = Language.of(super.resolveLocale(request));
			return (language != null) ? language.locale() : Language.preferred(request).locale();
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Language language = Language.of(locale);
			super.setLocale(request, response, (language != null) ? language.locale() : null);
		}

	}

}
