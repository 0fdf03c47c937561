package com.obconsole.system;

import com.obconsole.targets.TargetMonitor;
import com.obconsole.web.Sentences;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: every configured target, reachable or with its error. */
@Controller
class HomeController {

	private final TargetMonitor monitor;

	private final Sentences sentences;

	HomeController(TargetMonitor monitor, Sentences sentences) {
		this.monitor = monitor;
		this.sentences = sentences;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("targets", this.monitor.statuses().stream().map((s) -> s.in(this.sentences)).toList());
		return "system/home";
	}

}
