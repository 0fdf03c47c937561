package com.obconsole.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Shows a refused page request the friendly error page, saying which role it needs. */
@Component
class PageAccessDeniedHandler implements AccessDeniedHandler {

	static final String MESSAGE_ATTRIBUTE = PageAccessDeniedHandler.class.getName() + ".message";

	private final Refusals refusals;

	PageAccessDeniedHandler(Refusals refusals) {
		this.refusals = refusals;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
			throws IOException, ServletException {
		if (response.isCommitted()) {
			return;
		}
		request.setAttribute(MESSAGE_ATTRIBUTE, this.refusals.explain(request, refusal));
		response.setStatus(HttpStatus.FORBIDDEN.value());
		request.getRequestDispatcher(SignInController.DENIED_PATH).forward(request, response);
	}

}
