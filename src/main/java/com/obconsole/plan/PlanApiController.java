package com.obconsole.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.obconsole.engine.SessionPlan;
import com.obconsole.session.SessionIds;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/targets/{target}/sessions/{id}/plan?tenant=}: the live plan as JSON. */
@RestController
class PlanApiController {

	private final PlanService plans;

	private final MessageSource messages;

	PlanApiController(PlanService plans, MessageSource messages) {
		this.plans = plans;
		this.messages = messages;
	}

	@GetMapping("/api/targets/{target}/sessions/{id}/plan")
	PlanJson plan(@PathVariable String target, @PathVariable String id, @RequestParam(required = false) String tenant,
			Locale locale) {
		PlanResult result = this.plans.plan(target, PlanView.blankToNull(tenant), SessionIds.parse("id", id));
		return PlanJson.of(result, PlanView.message(this.messages, result.plan(), locale));
	}

	/**
	 * The plan as scripts see it: {@code code} and {@code message} say why when there is no plan;
	 * {@code note} says what the plan is when there is one.
	 */
	record PlanJson(String sessionId, String sqlId, SessionPlan.Source source, String text,
			List<Map<String, String>> rows, String code, String message, String note, String route,
			java.time.Instant readAt) {

		static PlanJson of(PlanResult result, String message) {
			SessionPlan plan = result.plan();
			boolean found = plan.hasPlan();
			return new PlanJson(result.sessionId(), result.sqlId(), plan.source(), plan.text(), plan.rows(),
					found ? null : plan.code(), found ? null : message, found ? message : null, result.route(),
					result.readAt());
		}

	}

}
