package com.obconsole.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which role includes which: the ladder, and METRICS beside it. */
class RoleTests {

	@Test
	void eachRoleOfTheLadderIncludesThoseBelowIt() {
		assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
		assertThat(Role.ADMIN.includes(Role.VIEWER)).isTrue();
		assertThat(Role.OPERATOR.includes(Role.VIEWER)).isTrue();
		assertThat(Role.VIEWER.includes(Role.VIEWER)).isTrue();
		assertThat(Role.VIEWER.includes(Role.OPERATOR)).isFalse();
		assertThat(Role.OPERATOR.includes(Role.ADMIN)).isFalse();
	}

	@Test
	void metricsIsIncludedByAdminOnlyAndIncludesNothingElse() {
		assertThat(Role.ADMIN.includes(Role.METRICS)).isTrue();
		assertThat(Role.OPERATOR.includes(Role.METRICS)).isFalse();
		assertThat(Role.VIEWER.includes(Role.METRICS)).isFalse();
		assertThat(Role.METRICS.includes(Role.METRICS)).isTrue();
		assertThat(Role.METRICS.includes(Role.VIEWER)).isFalse();
		assertThat(Role.METRICS.includes(Role.OPERATOR)).isFalse();
		assertThat(Role.METRICS.includes(Role.ADMIN)).isFalse();
	}

}
