package com.obconsole.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A bad parameter as a view shows it: its name, and its message in the viewer's language.
 *
 * @param parameter the parameter's name
 * @param message the message, which starts with the name
 */
public record InputError(String parameter, String message) {

	/** The error resolved for the locale of the request being answered. */
	public static InputError of(InvalidInputException ex, MessageSource messages) {
		return new InputError(ex.parameter(), messages.getMessage(ex, LocaleContextHolder.getLocale()));
	}

}
