package com.obconsole.system;

import java.util.Map;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Boot's error attributes, except that an error view asked for directly (no error behind it) says
 * 500, the status it is answered with, instead of Boot's made-up 999.
 */
@Component
class ErrorStatus extends DefaultErrorAttributes {

	private static final int NO_STATUS = 999;

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (Integer.valueOf(NO_STATUS).equals(attributes.get("status"))) {
			attributes.put("status", HttpStatus.INTERNAL_SERVER_ERROR.value());
			attributes.put("error", HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
		}
		return attributes;
	}

}
