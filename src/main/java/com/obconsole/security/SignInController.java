package com.obconsole.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

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

	/** The session attribute, set by a locked sign-in, holding the {@link Instant} its lock ends. */
	static final String LOCKED_UNTIL_ATTRIBUTE = SignInController.class.getName() + ".lockedUntil";

	private static final String LOGIN_VIEW = "security/login";

	private static final String DENIED_VIEW = "security/denied";

	@GetMapping(LOGIN_PATH)
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
			@RequestParam(required = false) String logout, HttpServletRequest request, Model model) {
		if (Actor.signedIn() != null) {
			return "redirect:/";
		}
		model.addAttribute("failed", error != null);
		model.addAttribute("locked", locked != null);
		model.addAttribute("lockedMinutes", (locked != null) ? lockedMinutes(request.getSession(false)) : null);
		model.addAttribute("signedOut", logout != null);
		return LOGIN_VIEW;
	}

	/** Minutes left on this browser's own lock, from its session; null when there is none to tell. */
	private static Long lockedMinutes(HttpSession session) {
		Object until = (session != null) ? session.getAttribute(LOCKED_UNTIL_ATTRIBUTE) : null;
		if (!(until instanceof Instant end)) {
			return null;
		}
		Duration remaining = Duration.between(Instant.now(), end);
		return remaining.isNegative() ? null : SignInLockedException.minutes(remaining);
	}

	/** Reached only by a forward from {@link PageAccessDeniedHandler}, whatever the refused method was. */
	@RequestMapping(DENIED_PATH)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied(HttpServletRequest request, Model model) {
		model.addAttribute("deniedMessage", request.getAttribute(PageAccessDeniedHandler.MESSAGE_ATTRIBUTE));
		return DENIED_VIEW;
	}

}
