package com.obconsole.session;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The list's links stay on the page the list is shown on; the dialogs keep the target's URLs. */
class SessionLinksTests {

	static final SessionViewParams VIEW = SessionViewParams.NONE.with("tenant", "sys")
		.with("user", "a&b")
		.with("page", "2")
		.with("refresh", "5");

	@Test
	void onTheTargetsPage() {
		SessionLinks links = new SessionLinks("ob", VIEW, null);
		assertThat(links.base()).isEqualTo("/targets/ob/sessions");
		assertThat(links.self()).isEqualTo("/targets/ob/sessions?tenant=sys&user=a%26b&page=2&refresh=5");
	}

	@Test
	void onAPageWhosePathNamesTheTenant() {
		SessionLinks links = new SessionLinks("ob", VIEW, null, new SessionListContext(
				"/clusters/{cluster}/tenants/{tenant}/sessions", Map.of("cluster", "ob", "tenant", "sys"), true, "sys",
				"/clusters/{cluster}/tenants/{tenant}/locks"));
		assertThat(links.base()).isEqualTo("/clusters/ob/tenants/sys/sessions");
		assertThat(links.self()).isEqualTo("/clusters/ob/tenants/sys/sessions?user=a%26b&page=2&refresh=5");
		assertThat(links.reset()).isEqualTo("/clusters/ob/tenants/sys/sessions?refresh=5");
		assertThat(links.sort("id")).isEqualTo("/clusters/ob/tenants/sys/sessions?user=a%26b&sort=id&direction=asc&refresh=5");
		assertThat(links.without("user")).isEqualTo("/clusters/ob/tenants/sys/sessions?refresh=5");
		assertThat(links.sql("7")).isEqualTo("/targets/ob/sessions/7/sql?tenant=sys");
		assertThat(links.close()).isEqualTo("/targets/ob/sessions/close");
		assertThat(links.locks()).isEqualTo("/clusters/ob/tenants/sys/locks");
	}

	@Test
	void onAPageWithTheTenantInTheQuery() {
		SessionLinks links = new SessionLinks("ob", VIEW, null, new SessionListContext(
				"/clusters/{cluster}/diagnostics/sessions", Map.of("cluster", "ob"), false, "sys",
				"/clusters/{cluster}/diagnostics/locks"));
		assertThat(links.page(1)).isEqualTo("/clusters/ob/diagnostics/sessions?tenant=sys&user=a%26b&refresh=5");
		assertThat(links.locks()).isEqualTo("/clusters/ob/diagnostics/locks?tenant=sys");
	}

}
