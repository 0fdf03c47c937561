package com.obconsole.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/** Which field of a JSON body Jackson refused, so that a 400 can name it like any parameter. */
public final class JsonFields {

	private JsonFields() {
	}

	/** The top-level field Jackson was reading when it failed, or {@code null} if it cannot say. */
	public static String named(Throwable failure) {
		for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof JacksonException jackson) {
				for (JacksonException.Reference reference : jackson.getPath()) {
					if (reference.getPropertyName() != null) {
						return reference.getPropertyName();
					}
				}
				// A repeated field fails in the parser, before any path is known; the parser is on it.
				if (jackson.processor() instanceof JsonParser parser && parser.streamReadContext() != null
						&& parser.streamReadContext().getParent() != null
						&& parser.streamReadContext().getParent().inRoot()) {
					return parser.currentName();
				}
				return null;
			}
		}
		return null;
	}

}
