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

	/** The session attribute, set by a sign-in refused for want of a role, holding the user's name. */
	static final String NO_ROLE_ATTRIBUTE = SignInController.class.getName() + ".noRole";

	private static final String LOGIN_VIEW = "security/login";

	private static final String DENIED_VIEW = "security/denied";

	private final OidcProvider oidc;

	private final SignInFormProperties form;

	SignInController(OidcProvider oidc, SignInFormProperties form) {
		this.oidc = oidc;
		this.form = form;
	}

	@GetMapping(LOGIN_PATH)
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
			@RequestParam(required = false) String logout, @RequestParam(required = false) String norole,
			@RequestParam(required = false) String provider, HttpServletRequest request, Model model) {
		if (Actor.signedIn() != null) {
			return "redirect:/";
		}
		model.addAttribute("formEnabled", this.form.enabled());
		model.addAttribute("oidcEnabled", this.oidc.active());
		model.addAttribute("oidcName", this.oidc.properties().providerName());
		model.addAttribute("oidcPath", OidcProvider.SIGN_IN_PATH);
		model.addAttribute("oidcReachable", this.oidc.active() && this.oidc.reachable());
		model.addAttribute("providerFailed", provider != null);
		model.addAttribute("noRole", norole != null);
		model.addAttribute("noRoleUser", (norole != null) ? sessionText(request.getSession(false), NO_ROLE_ATTRIBUTE) : null);
		model.addAttribute("failed", error != null);
		model.addAttribute("locked", locked != null);
		model.addAttribute("lockedMinutes", (locked != null) ? lockedMinutes(request.getSession(false)) : null);
		model.addAttribute("signedOut", logout != null);
		return LOGIN_VIEW;
	}

	private static String sessionText(HttpSession session, String attribute) {
		Object value = (session != null) ? session.getAttribute(attribute) : null;
		return (value instanceof String text) ? text : null;
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
