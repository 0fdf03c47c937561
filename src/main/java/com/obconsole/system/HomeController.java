package com.obconsole.system;

import com.obconsole.targets.TargetMonitor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: every configured target, reachable or with its error. */
@Controller
class HomeController {

	private final TargetMonitor monitor;

	HomeController(TargetMonitor monitor) {
		this.monitor = monitor;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("targets", this.monitor.statuses());
		return "system/home";
	}

}
