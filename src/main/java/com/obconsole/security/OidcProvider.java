package com.obconsole.security;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The company's OpenID Connect provider, found from its issuer's discovery document when first
 * needed, not at start-up: a provider that is down must not keep the console (its local users and
 * API tokens) from starting. Until it answers, the sign-in page says it cannot be reached and
 * bearer JWTs are refused; a failed look-up is tried again after {@link #RETRY_AFTER}, so that a
 * dead provider costs the sign-in page one connect timeout at most that often.
 */
class OidcProvider implements ClientRegistrationRepository {

	static final String REGISTRATION_ID = "oidc";

	/** Where the sign-in button starts the provider's sign-in. */
	static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(OidcProvider.class);

	private final OidcProperties properties;

	private final Clock clock;

	private final JdkClientHttpRequestFactory http;

	private volatile Found found;

	private volatile Instant retryAt = Instant.MIN;

	OidcProvider(OidcProperties properties, Clock clock) {
		properties.check();
		this.properties = properties;
		this.clock = clock;
		this.http = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
		this.http.setReadTimeout(READ_TIMEOUT);
	}

	boolean active() {
		return this.properties.active();
	}

	OidcProperties properties() {
		return this.properties;
	}

	/** Whether the provider's discovery document has been read (now, or before). */
	boolean reachable() {
		return found().isPresent();
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return REGISTRATION_ID.equals(registrationId) ? found().map(Found::registration).orElse(null) : null;
	}

	/** Checks bearer JWTs against the provider's keys: signature, issuer, audience, expiry. */
	Optional<JwtDecoder> jwtDecoder() {
		return found().map(Found::jwts);
	}

	private Optional<Found> found() {
		Found known = this.found;
		if (known != null || !active()) {
			return Optional.ofNullable(known);
		}
		if (this.clock.instant().isBefore(this.retryAt)) {
			return Optional.empty();
		}
		synchronized (this) {
			if (this.found == null && !this.clock.instant().isBefore(this.retryAt)) {
				try {
					this.found = discover();
					log.info("OpenID Connect provider {} found", this.properties.issuer());
				}
				catch (RuntimeException ex) {
					this.retryAt = this.clock.instant().plus(RETRY_AFTER);
					log.warn("OpenID Connect provider {} cannot be reached: {}", this.properties.issuer(), ex.toString());
				}
			}
			return Optional.ofNullable(this.found);
		}
	}

	private Found discover() {
		String issuer = this.properties.issuer();
		Map<?, ?> metadata = RestClient.builder()
			.requestFactory(this.http)
			.build()
			.get()
			.uri(issuer + "/.well-known/openid-configuration")
			.retrieve()
			.body(Map.class);
		if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
			// OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer asked for.
			throw new IllegalStateException("the discovery document names issuer "
					+ ((metadata != null) ? metadata.get("issuer") : null) + ", not " + issuer);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> provider = (Map<String, Object>) metadata;
		boolean secret = OidcProperties.hasText(this.properties.clientSecret());
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(this.properties.clientId())
			.clientSecret(this.properties.clientSecret())
			// Without a secret the console is a public client, and the request carries PKCE.
			.clientAuthenticationMethod(secret ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(this.properties.scopes())
			.authorizationUri(text(provider, "authorization_endpoint"))
			.tokenUri(text(provider, "token_endpoint"))
			.jwkSetUri(text(provider, "jwks_uri"))
			.userInfoUri((String) provider.get("userinfo_endpoint"))
			// "sub" is always there; OidcUsers names the user by the configured claim.
			.userNameAttributeName("sub")
			.issuerUri(issuer)
			.providerConfigurationMetadata(provider)
			.clientName(this.properties.providerName())
			.build();
		NimbusJwtDecoder jwts = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
			.restOperations(new RestTemplate(this.http))
			.build();
		String audience = this.properties.expectedAudience();
		jwts.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
				new JwtClaimValidator<java.util.List<String>>(JwtClaimNames.AUD,
						(aud) -> aud != null && aud.contains(audience))));
		return new Found(registration, jwts);
	}

	private static String text(Map<String, Object> metadata, String name) {
		Object value = metadata.get(name);
		if (!(value instanceof String text) || text.isBlank()) {
			throw new IllegalStateException("the discovery document has no " + name);
		}
		return text;
	}

	private record Found(ClientRegistration registration, JwtDecoder jwts) {
	}

}
