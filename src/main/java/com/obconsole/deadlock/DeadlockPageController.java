package com.obconsole.deadlock;

import java.time.Clock;

import com.obconsole.cluster.ManagementPlaces;
import com.obconsole.cluster.ManagementTabController;
import com.obconsole.cluster.SessionManagement;
import com.obconsole.cluster.SessionManagement.Tab;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.web.ActionParams;
import com.obconsole.web.InputError;
import com.obconsole.web.InvalidInputException;
import com.obconsole.web.Sentences;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Deadlock Analysis, a tab of Session Management either way in. The window and page are in the
 * query string, so the URL is the view.
 */
@Controller
class DeadlockPageController implements ManagementTabController {

	static final String PAGE = "deadlock/list";

	private final ManagementPlaces places;

	private final DeadlockService deadlocks;

	private final MessageSource messages;

	private final Clock clock;

	private final Sentences sentences;

	DeadlockPageController(ManagementPlaces places, DeadlockService deadlocks, MessageSource messages, Clock clock,
			Sentences sentences) {
		this.sentences = sentences;
		this.places = places;
		this.deadlocks = deadlocks;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/clusters/{cluster}/diagnostics/deadlocks")
	ModelAndView throughCluster(@PathVariable String cluster, HttpServletRequest request) {
		String tenant = request.getParameter("tenant");
		SessionManagement place = this.places.throughCluster(cluster, tenant, Tab.DEADLOCKS);
		if (ManagementPlaces.needsRedirect(place, tenant)) {
			return new ModelAndView("redirect:" + place.tabUrl(Tab.DEADLOCKS, ManagementPlaces.given(request, "since", "until", "page", "size")));
		}
		return page(place, request);
	}

	@GetMapping("/clusters/{cluster}/tenants/{tenant}/deadlocks")
	ModelAndView throughTenant(@PathVariable String cluster, @PathVariable String tenant, HttpServletRequest request) {
		return page(this.places.throughTenant(cluster, tenant, Tab.DEADLOCKS), request);
	}

	private ModelAndView page(SessionManagement place, HttpServletRequest request) {
		DeadlockView view;
		HttpStatus status = HttpStatus.OK;
		try {
			DeadlockQuery query = DeadlockQuery.of(ActionParams.of(request), this.clock);
			if (place.tenant() == null) {
				view = new DeadlockView(place, null, query, null, reason(this.sentences.say(place.cluster().status().why())));
				status = HttpStatus.SERVICE_UNAVAILABLE;
			}
			else {
				view = new DeadlockView(place, this.deadlocks.history(place.clusterName(), place.readTenant(), query),
						query, null, null);
			}
		}
		catch (InvalidInputException ex) {
			view = new DeadlockView(place, null, DeadlockQuery.defaults(this.clock), InputError.of(ex, this.messages),
					null);
			status = HttpStatus.BAD_REQUEST;
		}
		catch (TargetUnreachableException ex) {
			view = new DeadlockView(place, null, DeadlockQuery.defaults(this.clock), null, reason(this.sentences.say(ex.said())));
			status = HttpStatus.SERVICE_UNAVAILABLE;
		}
		ModelAndView page = new ModelAndView(PAGE, status);
		page.addObject("place", place);
		page.addObject("view", view);
		page.addObject("keep", view.keep());
		return page;
	}

	private static String reason(String given) {
		return (given != null) ? given : "";
	}

}
