package com.obconsole.token;

import java.time.Instant;

import com.obconsole.security.Role;

/**
 * A named API token as the console keeps it: never the token itself, only its SHA-256.
 *
 * @param id the row's id, used to revoke it
 * @param name the owner's name for it, e.g. "nightly-report"
 * @param owner the user it acts for
 * @param role what it may do; never more than its owner may
 * @param sha256 hex SHA-256 of the token
 * @param created when it was made
 * @param expires when it stops working
 * @param lastUsed when it was last used, to the minute; null if never
 * @param revoked when it was revoked; null while it is not
 */
public record ApiToken(long id, String name, String owner, Role role, String sha256, Instant created, Instant expires,
		Instant lastUsed, Instant revoked) {

	/** Whether a call made with it now is accepted (its owner's role is checked apart). */
	public boolean isValidAt(Instant now) {
		return this.revoked == null && this.expires.isAfter(now);
	}

	/** ACTIVE, EXPIRED or REVOKED, for the list. */
	public String state(Instant now) {
		return (this.revoked != null) ? "REVOKED" : (this.expires.isAfter(now) ? "ACTIVE" : "EXPIRED");
	}

	/** Who acts when a call is made with it, as the audit trail records it: owner and token name. */
	public String actor() {
		return this.owner + " (token " + this.name + ")";
	}

	ApiToken usedAt(Instant at) {
		return new ApiToken(this.id, this.name, this.owner, this.role, this.sha256, this.created, this.expires, at,
				this.revoked);
	}

}
