package com.obconsole.cluster;

import com.obconsole.engine.TenantInfo;
import com.obconsole.session.SessionFigures;
import com.obconsole.session.SessionService;
import com.obconsole.targets.TargetUnreachableException;
import com.obconsole.targets.UnknownTargetException;
import com.obconsole.web.Sentences;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The two ways to a tenant's sessions, as OCP has them. Method 1: the cluster list, a cluster's
 * page (Overview, Real-time Diagnostics). Method 2: the tenant list, a tenant's overview with its
 * left navigation. Session Management itself is {@link SessionManagementController}.
 */
@Controller
class ClusterPageController {

	private final Clusters clusters;

	private final SessionService sessions;

	private final Sentences sentences;

	ClusterPageController(Clusters clusters, SessionService sessions, Sentences sentences) {
		this.sentences = sentences;
		this.clusters = clusters;
		this.sessions = sessions;
	}

	@GetMapping("/clusters")
	ModelAndView clusters() {
		ModelAndView page = new ModelAndView("cluster/list");
		page.addObject("clusters", this.clusters.all());
		return page;
	}

	/** The cluster's Overview tab: engine, version, observers and tenants; or why it cannot be read (503). */
	@GetMapping("/clusters/{cluster}")
	ModelAndView cluster(@PathVariable String cluster) {
		Cluster found = cluster(this.clusters, cluster);
		ModelAndView page = new ModelAndView("cluster/overview",
				found.status().reachable() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("cluster", found);
		return page;
	}

	/** Every tenant, grouped by cluster; an unreachable cluster shows its error in its group. */
	@GetMapping("/tenants")
	ModelAndView tenants() {
		ModelAndView page = new ModelAndView("cluster/tenants");
		page.addObject("clusters", this.clusters.all());
		return page;
	}

	/** A tenant's Overview: mode, engine, observers and its sessions' figures from the current snapshot. */
	@GetMapping("/clusters/{cluster}/tenants/{tenant}")
	ModelAndView tenant(@PathVariable String cluster, @PathVariable String tenant) {
		Cluster found = withTenant(this.clusters, cluster, tenant);
		SessionManagement place = new SessionManagement(SessionManagement.Way.TENANT, found, tenant, null);
		TenantInfo info = found.tenants()
			.stream()
			.filter((t) -> t.name().equals(tenant))
			.findFirst()
			.orElse(null);
		SessionFigures figures = null;
		String unavailable = found.status().reachable() ? null : this.sentences.say(found.status().why());
		if (unavailable == null) {
			try {
				figures = this.sessions.statistics(cluster, place.readTenant(), null).figures();
			}
			catch (TargetUnreachableException ex) {
				unavailable = this.sentences.say(ex.said());
			}
		}
		ModelAndView page = new ModelAndView("cluster/tenant",
				(unavailable != null) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
		page.addObject("place", place);
		page.addObject("info", info);
		page.addObject("figures", figures);
		page.addObject("longestActive", (figures != null) ? StatisticsView.seconds(figures.longestActiveSeconds()) : null);
		page.addObject("unavailable", unavailable);
		return page;
	}

	/** The cluster, or {@link UnknownClusterException}. */
	static Cluster cluster(Clusters clusters, String name) {
		try {
			return clusters.get(name);
		}
		catch (UnknownTargetException ex) {
			throw new UnknownClusterException(name);
		}
	}

	/** The cluster if it has the tenant (or cannot be read to say), else a 404. */
	static Cluster withTenant(Clusters clusters, String name, String tenant) {
		try {
			return clusters.withTenant(name, tenant);
		}
		catch (UnknownTargetException ex) {
			throw new UnknownClusterException(name);
		}
	}

}
