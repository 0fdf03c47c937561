package com.obconsole.security;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is acting, and what the templates are told about them. */
class ActorTests {

	final CurrentUserAdvice advice = new CurrentUserAdvice(new SecurityConfiguration().roleHierarchy());

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void nobodySignedInIsAnonymous() {
		assertThat(Actor.current()).isEqualTo("anonymous");
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(Actor.current()).isEqualTo("anonymous");
		ExtendedModelMap model = new ExtendedModelMap();
		this.advice.addCurrentUser(model);
		assertThat(model).containsEntry("currentUser", null)
			.containsEntry("currentRoles", List.of())
			.containsEntry("canOperate", false)
			.containsEntry("canAudit", false);
	}

	@Test
	void signedInUserIsTheActorAndTheRolesImplyTheLowerOnes() {
		signIn("oncall", "ROLE_OPERATOR");
		assertThat(Actor.current()).isEqualTo("oncall");
		ExtendedModelMap model = new ExtendedModelMap();
		this.advice.addCurrentUser(model);
		assertThat(model).containsEntry("currentUser", "oncall")
			.containsEntry("currentRoles", List.of("OPERATOR"))
			.containsEntry("canOperate", true)
			.containsEntry("canAudit", false);

		signIn("alice", "ROLE_VIEWER", "ROLE_ADMIN");
		model = new ExtendedModelMap();
		this.advice.addCurrentUser(model);
		assertThat(model).containsEntry("currentRoles", List.of("ADMIN", "VIEWER"))
			.containsEntry("canOperate", true)
			.containsEntry("canAudit", true);
	}

	static void signIn(String name, String... authorities) {
		TestingAuthenticationToken authentication = new TestingAuthenticationToken(name, "pw", authorities);
		authentication.setAuthenticated(true);
		SecurityContextHolder.getContext().setAuthentication(authentication);
	}

}
