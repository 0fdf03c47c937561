package com.obconsole.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page, and the page that explains a refusal. */
@Controller
class SignInController {

	static final String LOGIN_PATH = "/login";

	static final String DENIED_PATH = "/denied";

	private static final String LOGIN_VIEW = "security/login";

	private static final String DENIED_VIEW = "security/denied";

	@GetMapping(LOGIN_PATH)
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) Long locked,
			@RequestParam(required = false) String logout, Model model) {
		if (Actor.signedIn() != null) {
			return "redirect:/";
		}
		model.addAttribute("failed", error != null);
		model.addAttribute("lockedMinutes", (locked != null && locked > 0) ? locked : null);
		model.addAttribute("signedOut", logout != null);
		return LOGIN_VIEW;
	}

	/** Reached only by a forward from {@link PageAccessDeniedHandler}, whatever the refused method was. */
	@RequestMapping(DENIED_PATH)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied(HttpServletRequest request, Model model) {
		model.addAttribute("deniedMessage", request.getAttribute(PageAccessDeniedHandler.MESSAGE_ATTRIBUTE));
		return DENIED_VIEW;
	}

}
