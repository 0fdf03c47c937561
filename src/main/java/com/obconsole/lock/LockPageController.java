package com.obconsole.lock;

import com.obconsole.cluster.ManagementPlaces;
import com.obconsole.cluster.ManagementTabController;
import com.obconsole.cluster.SessionManagement;
import com.obconsole.cluster.SessionManagement.Tab;
import com.obconsole.session.SessionLinks;
import com.obconsole.session.SessionPages;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.web.ActionParams;
import com.obconsole.web.InvalidInputException;
import com.obconsole.web.Sentences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Row Lock Analysis, a tab of Session Management either way in. Its view (minimum wait,
 * auto-refresh) is in the query string, so the URL is the view; an htmx refresh gets the region only.
 */
@Controller
class LockPageController implements ManagementTabController {

	static final String REGION = "lock/tree :: region";

	private final ManagementPlaces places;

	private final LockService locks;

	private final Sentences sentences;

	LockPageController(ManagementPlaces places, LockService locks, Sentences sentences) {
		this.sentences = sentences;
		this.places = places;
		this.locks = locks;
	}

	@GetMapping("/clusters/{cluster}/diagnostics/locks")
	ModelAndView throughCluster(@PathVariable String cluster, HttpServletRequest request,
			HttpServletResponse response) {
		String tenant = request.getParameter("tenant");
		SessionManagement place = this.places.throughCluster(cluster, tenant, Tab.LOCKS);
		if (ManagementPlaces.needsRedirect(place, tenant)) {
			return new ModelAndView("redirect:" + place.tabUrl(Tab.LOCKS, ManagementPlaces.given(request, "minWaitMs", "refresh")));
		}
		return page(place, request, response);
	}

	@GetMapping("/clusters/{cluster}/tenants/{tenant}/locks")
	ModelAndView throughTenant(@PathVariable String cluster, @PathVariable String tenant, HttpServletRequest request,
			HttpServletResponse response) {
		return page(this.places.throughTenant(cluster, tenant, Tab.LOCKS), request, response);
	}

	private ModelAndView page(SessionManagement place, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		ActionParams params = ActionParams.of(request);
		int refresh = LockTreeView.refresh(request.getParameter("refresh"));
		LockTreeView view;
		HttpStatus status = HttpStatus.OK;
		try {
			long minWaitMs = LockService.minWaitMs(params);
			if (place.tenant() == null) {
				view = LockTreeView.unreadable(place, minWaitMs, refresh, this.sentences.say(place.cluster().status().why()));
				status = HttpStatus.SERVICE_UNAVAILABLE;
			}
			else {
				LockTree tree = this.locks.tree(place.clusterName(), place.readTenant(), minWaitMs);
				view = new LockTreeView(place, tree, minWaitMs, refresh, null, null,
						SessionLinks.of(place.clusterName(), place.readTenant()));
			}
		}
		catch (InvalidInputException ex) {
			view = LockTreeView.invalid(place, refresh, ex);
			status = HttpStatus.BAD_REQUEST;
		}
		catch (TargetUnreachableException ex) {
			view = LockTreeView.unreadable(place, LockService.DEFAULT_MIN_WAIT_MS, refresh, this.sentences.say(ex.said()));
			status = HttpStatus.SERVICE_UNAVAILABLE;
		}
		ModelAndView page = new ModelAndView(SessionPages.isFragmentRequest(request) ? REGION : "lock/tree", status);
		page.addObject("place", place);
		page.addObject("view", view);
		page.addObject("keep", view.query());
		return page;
	}

}
