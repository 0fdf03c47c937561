package com.obconsole.token;

import java.time.Instant;

/** A token as the API lists it: never its text or hash. */
record TokenJson(long id, String name, String owner, String role, Instant created, Instant lastUsed, Instant expires,
		Instant revoked, String state) {

	static TokenJson of(ApiToken token, Instant now) {
		return new TokenJson(token.id(), token.name(), token.owner(), token.role().name(), token.created(),
				token.lastUsed(), token.expires(), token.revoked(), token.state(now));
	}

}
