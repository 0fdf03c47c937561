package com.obconsole.token;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Bearer values the API accepts besides the console's own tokens (a JWT from the company's OpenID
 * Connect provider): asked only for a value without the {@code obsc_} prefix.
 */
@FunctionalInterface
public interface OtherBearers {

	/** Accepts none. */
	OtherBearers NONE = (value) -> Optional.empty();

	/** Who the value signs in, if it is valid; empty refuses the call. */
	Optional<Authentication> check(String value);

}
