package com.obconsole.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

import com.obconsole.session.SessionPages;
import com.obconsole.session.SessionService;
import com.obconsole.session.SessionStatistics;
import com.obconsole.session.SessionTableView;
import com.obconsole.session.SessionViewParams;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Session Management, OCP's Tenant Session and Session Statistics tabs, reached through a cluster's
 * Real-time Diagnostics (Method 1, with a tenant selector) or through a tenant (Method 2). The
 * Tenant Session tab is the same list as {@code /targets/{target}/sessions}, rendered by the same
 * {@link SessionPages} and {@code session/table} fragment; only its links stay on this page's URL.
 */
@Controller
class SessionManagementController {

	static final String TABLE_FRAGMENT = "session/table :: region";

	/** A reachable cluster whose tenants could not be read. */
	static final String NO_TENANTS = "cluster.tenants.unread";

	private final Clusters clusters;

	private final SessionPages pages;

	private final SessionService sessions;

	private final ManagementPlaces places;

	private final Sentences sentences;

	SessionManagementController(Clusters clusters, SessionPages pages, SessionService sessions,
			ManagementPlaces places, Sentences sentences) {
		this.sentences = sentences;
		this.clusters = clusters;
		this.pages = pages;
		this.sessions = sessions;
		this.places = places;
	}

	@GetMapping("/clusters/{cluster}/diagnostics")
	String diagnostics(@PathVariable String cluster) {
		ClusterPageController.cluster(this.clusters, cluster);
		return "redirect:" + ClusterLinks.diagnostics(cluster, null);
	}

	/** Method 1, Tenant Session: without a tenant, the cluster's first tenant, keeping the rest of the view. */
	@GetMapping("/clusters/{cluster}/diagnostics/sessions")
	ModelAndView clusterSessions(@PathVariable String cluster, SessionViewParams params, HttpServletRequest request,
			HttpServletResponse response) {
		String tenant = params.tenantOrNull();
		SessionManagement place = this.places.throughCluster(cluster, tenant, SessionManagement.Tab.SESSIONS);
		if (ManagementPlaces.needsRedirect(place, tenant)) {
			return new ModelAndView("redirect:" + place.sessionsUrl(params.asMap()));
		}
		return sessions(place, params, request, response);
	}

	@GetMapping("/clusters/{cluster}/diagnostics/statistics")
	ModelAndView clusterStatistics(@PathVariable String cluster, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String sort) {
		SessionManagement place = this.places.throughCluster(cluster, tenant, SessionManagement.Tab.STATISTICS);
		if (ManagementPlaces.needsRedirect(place, tenant)) {
			return new ModelAndView("redirect:" + place.statisticsUrl(only("sort", sort)));
		}
		return statistics(place, sort);
	}

	/** Method 2, Tenant Session. A {@code tenant=} in the query (the list's form sends one) yields to the path. */
	@GetMapping("/clusters/{cluster}/tenants/{tenant}/sessions")
	ModelAndView tenantSessions(@PathVariable String cluster, @PathVariable String tenant, SessionViewParams params,
			HttpServletRequest request, HttpServletResponse response) {
		return sessions(this.places.throughTenant(cluster, tenant, SessionManagement.Tab.SESSIONS),
				params.with("tenant", tenant), request, response);
	}

	@GetMapping("/clusters/{cluster}/tenants/{tenant}/statistics")
	ModelAndView tenantStatistics(@PathVariable String cluster, @PathVariable String tenant,
			@RequestParam(required = false) String sort) {
		return statistics(this.places.throughTenant(cluster, tenant, SessionManagement.Tab.STATISTICS), sort);
	}

	private ModelAndView sessions(SessionManagement place, SessionViewParams params, HttpServletRequest request,
			HttpServletResponse response) {
		// The same URL answers with a fragment or a page: caches must keep them apart.
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		if (place.tenant() == null) {
			// An unreachable cluster, and no tenant named: there is no list to read.
			ModelAndView page = new ModelAndView("cluster/sessions", HttpStatus.SERVICE_UNAVAILABLE);
			page.addObject("place", place);
			return page;
		}
		SessionTableView view = this.pages.table(place.clusterName(), params, place.listContext());
		ModelAndView page = new ModelAndView(SessionPages.isFragmentRequest(request) ? TABLE_FRAGMENT
				: "cluster/sessions", view.status());
		page.addObject("place", place);
		page.addObject("view", view);
		page.addObject("keep", keep(view.params().asMap()));
		return page;
	}

	private ModelAndView statistics(SessionManagement place, String sort) {
		String order = StatisticsView.order(sort);
		String invalid = (order == null) ? this.sentences.say(Sentence.of("stats.sort", "sort")) : null;
		String sortBy = (order != null) ? order : "active";
		SessionStatistics statistics = null;
		String unavailable = null;
		if (place.tenant() == null) {
			unavailable = (place.cluster().status().error() != null) ? this.sentences.say(place.cluster().status().why())
					: this.sentences.say(Sentence.of(NO_TENANTS));
		}
		else {
			try {
				statistics = this.sessions.statistics(place.clusterName(), place.readTenant(), sortBy);
			}
			catch (TargetUnreachableException ex) {
				unavailable = this.sentences.say(ex.said());
			}
		}
		StatisticsView view = new StatisticsView(place, statistics, sortBy, invalid, unavailable);
		ModelAndView page = new ModelAndView("cluster/statistics", view.status());
		page.addObject("place", place);
		page.addObject("view", view);
		page.addObject("keep", keep(only("sort", (order != null) ? sort : null)));
		return page;
	}

	/** What the tenant selector's form carries besides the tenant: the view, from its first page. */
	private static Map<String, String> keep(Map<String, String> view) {
		Map<String, String> kept = new LinkedHashMap<>(view);
		kept.remove("tenant");
		kept.remove("page");
		return kept;
	}

	private static Map<String, String> only(String name, String value) {
		Map<String, String> map = new LinkedHashMap<>();
		if (value != null && !value.isBlank()) {
			map.put(name, value);
		}
		return map;
	}

}
