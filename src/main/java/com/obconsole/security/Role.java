package com.obconsole.security;

/**
 * What a signed-in DBA may do. Each role includes the ones below it: ADMIN &gt; OPERATOR &gt; VIEWER.
 * METRICS stands apart: it reads {@code /actuator/prometheus} and nothing else, for a scraper's
 * token; only ADMIN includes it. Declared first so that "highest" (enum order) ranks it lowest.
 */
public enum Role {

	/** Reads the Prometheus metrics only: no page, no API, no other actuator endpoint. */
	METRICS,

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

	/**
	 * Whether holding this role allows what {@code other} allows: the same role, or one below it in
	 * ADMIN &gt; OPERATOR &gt; VIEWER; METRICS only for itself and ADMIN. Enum order cannot say this,
	 * since METRICS is neither above nor below VIEWER.
	 */
	public boolean includes(Role other) {
		if (this == other || this == ADMIN) {
			return true;
		}
		return this != METRICS && other != METRICS && compareTo(other) > 0;
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
