package com.obconsole.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups in the shapes providers send them, and the roles a mapping gives them. */
class GroupRolesTests {

	private final GroupRoles roles = new GroupRoles(Map.of("dba-oncall", Role.OPERATOR, "dba-leads", Role.ADMIN));

	@Test
	void aListClaimIsReadAsIs() {
		assertThat(GroupRoles.groupsIn(List.of("staff", "dba-oncall"))).containsExactly("staff", "dba-oncall");
	}

	@Test
	void oneTextIsSplitAtSpacesAndCommas() {
		assertThat(GroupRoles.groupsIn("staff, dba-oncall  dba-leads")).containsExactly("staff", "dba-oncall", "dba-leads");
	}

	@Test
	void anythingElseIsNoGroup() {
		assertThat(GroupRoles.groupsIn(null)).isEmpty();
		assertThat(GroupRoles.groupsIn(42)).isEmpty();
	}

	@Test
	void everyMappedGroupGivesItsRoleAndOthersNothing() {
		assertThat(this.roles.rolesOf(List.of("staff", "dba-oncall", "dba-leads"))).containsExactly(Role.OPERATOR, Role.ADMIN);
		assertThat(this.roles.rolesOf(List.of("staff", "DBA-ONCALL"))).isEmpty();
	}

}
