package com.obconsole.i18n;

import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The languages the console speaks, each named in its own words for the switch. Adding one is a
 * constant here and a file {@code messages_<tag>.properties} (README, "Languages").
 */
public enum Language {

	ZH_CN(Locale.SIMPLIFIED_CHINESE, "中文"),

	EN(Locale.ENGLISH, "English");

	private final Locale locale;

	private final String label;

	Language(Locale locale, String label) {
		this.locale = locale;
		this.label = label;
	}

	public Locale locale() {
		return this.locale;
	}

	/** The BCP 47 tag of {@code ?lang=}, the cookie and {@code <html lang>}: zh-CN, en. */
	public String tag() {
		return this.locale.toLanguageTag();
	}

	/** The name on the switch, in the language itself. */
	public String label() {
		return this.label;
	}

	/** The language a locale asks for: any Chinese is zh-CN; null when the console does not speak it. */
	public static Language of(Locale locale) {
		if (locale == null) {
			return null;
		}
		for (Language language : values()) {
			if (language.locale.getLanguage().equals(locale.getLanguage())) {
				return language;
			}
		}
		return null;
	}

	/**
	 * The first language of a request's Accept-Language (best first) that the console speaks, else
	 * English. Without the header it is English, whatever the server's own locale is (the servlet
	 * container would answer that).
	 */
	public static Language preferred(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
			return EN;
		}
		Enumeration<Locale> accepted = request.getLocales();
		while (accepted != null && accepted.hasMoreElements()) {
			Language language = of(accepted.nextElement());
			if (language != null) {
				return language;
			}
		}
		return EN;
	}

}
