package com.obconsole.cluster;

import com.obconsole.web.Sentences;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** An unknown cluster or tenant on a cluster or tenant page: a 404 page that says which. */
@ControllerAdvice(assignableTypes = { ClusterPageController.class, SessionManagementController.class,
		ManagementTabController.class })
class ClusterPageErrors {

	private final Sentences sentences;

	ClusterPageErrors(Sentences sentences) {
		this.sentences = sentences;
	}

	@ExceptionHandler({ UnknownClusterException.class, UnknownTenantException.class })
	ModelAndView unknown(RuntimeException ex) {
		ModelAndView page = new ModelAndView("cluster/unknown", HttpStatus.NOT_FOUND);
		page.addObject("message", this.sentences.say((ex instanceof UnknownTenantException tenant) ? tenant.said()
				: ((UnknownClusterException) ex).said()));
		page.addObject("tenant", ex instanceof UnknownTenantException);
		return page;
	}

}
