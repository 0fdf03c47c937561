package com.obconsole.security;

/**
 * What a signed-in DBA may do. Each role includes the ones below it: ADMIN &gt; OPERATOR &gt; VIEWER.
 */
public enum Role {

	/** Browses targets and sessions and reads their SQL. */
	VIEWER,

	/** Also closes sessions and queries and changes tracing. */
	OPERATOR,

	/** Also reads the audit trail and the actuator endpoints. */
	ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The role of a Spring Security authority, or {@code null} for one that is not a console role. */
	public static Role ofAuthority(String authority) {
		for (Role role : values()) {
			if (role.authority().equals(authority)) {
				return role;
			}
		}
		return null;
	}

}
