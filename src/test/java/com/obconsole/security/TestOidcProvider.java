package com.obconsole.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider (Spring Authorization Server) in the test JVM, on a random port of
 * {@code localhost}, started once by the first test that asks for it: its own Spring context, its
 * own users in groups, a {@code groups} and {@code preferred_username} claim in ID and access tokens.
 * The console runs at {@code 127.0.0.1} (the authorization server refuses {@code localhost} in
 * redirect URIs), so the two never share a cookie.
 */
public final class TestOidcProvider {

	public static final String CLIENT_ID = "console";

	public static final String CLIENT_SECRET = "console-secret";

	/** A script's client: client credentials, its tokens for the console's audience. */
	public static final String SCRIPT_CLIENT_ID = "dba-script";

	public static final String SCRIPT_CLIENT_SECRET = "dba-script-secret";

	public static final String PASSWORD = "provider-pw";

	/** In group console-operators. */
	public static final String OPERATOR = "olivia";

	/** In group console-viewers. */
	public static final String VIEWER = "victor";

	/** In group marketing only, which the console maps to no role. */
	public static final String OUTSIDER = "nora";

	static final Map<String, List<String>> GROUPS = Map.of(OPERATOR, List.of("console-operators", "staff"), VIEWER,
			List.of("console-viewers"), OUTSIDER, List.of("marketing"), SCRIPT_CLIENT_ID, List.of("console-operators"));

	private static TestOidcProvider started;

	private final ConfigurableApplicationContext context;

	private final RSAKey key;

	private final Set<Integer> consolePorts = new TreeSet<>();

	private TestOidcProvider(RSAKey key) {
		this.key = key;
		ProviderBeans.key = key;
		this.context = new SpringApplicationBuilder(ProviderBeans.class).web(WebApplicationType.SERVLET)
			.properties("spring.config.name=test-oidc-provider", "server.port=0", "server.address=127.0.0.1",
					"spring.main.banner-mode=off", "spring.flyway.enabled=false",
					"spring.datasource.url=jdbc:h2:mem:oidc-provider-" + UUID.randomUUID(),
					"server.servlet.session.cookie.name=PROVIDER_SESSION", "management.endpoints.web.exposure.exclude=*")
			.run();
	}

	/** The provider, started on first use and kept for the rest of the JVM. */
	public static synchronized TestOidcProvider started() {
		if (started == null) {
			started = new TestOidcProvider(newKey());
		}
		return started;
	}

	public String issuer() {
		return "http://localhost:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/** Lets a console on this port of 127.0.0.1 sign users in here, and sign them out. */
	public synchronized void allowConsoleAt(int port) {
		this.consolePorts.add(port);
		RegisteredClient.Builder console = RegisteredClient.withId(CLIENT_ID)
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build());
		for (int each : this.consolePorts) {
			console.redirectUri("http://127.0.0.1:" + each + "/login/oauth2/code/oidc");
			console.postLogoutRedirectUri("http://127.0.0.1:" + each + "/login?logout");
		}
		this.context.getBean(RegisteredClientRepository.class).save(console.build());
	}

	/** A JWT signed with the provider's own key, e.g. one that expired: what a stolen old token looks like. */
	public String signedByProvider(String subject, List<String> groups, Instant issued, Instant expires) {
		return sign(this.key, subject, groups, issued, expires);
	}

	/** A JWT that claims this issuer and key id, but is signed with another key. */
	public String signedByStranger(String subject, List<String> groups) {
		RSAKey stranger = new RSAKey.Builder(newKey()).keyID(this.key.getKeyID()).build();
		return sign(stranger, subject, groups, Instant.now(), Instant.now().plusSeconds(300));
	}

	private String sign(RSAKey with, String subject, List<String> groups, Instant issued, Instant expires) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(with)));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(issuer())
			.subject(subject)
			.audience(List.of(CLIENT_ID))
			.issuedAt(issued)
			.expiresAt(expires)
			.claim("preferred_username", subject)
			.claim("groups", groups)
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(with.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	private static RSAKey newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The provider's beans. Deliberately not a {@code @Configuration}, so that the console's own
	 * component scan never finds it; Spring reads its {@code @Bean} methods as the application's source.
	 */
	@EnableAutoConfiguration
	static class ProviderBeans {

		static RSAKey key;

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
			http.securityMatcher(server.getEndpointsMatcher())
				.with(server, (as) -> as.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests((rules) -> rules.anyRequest().authenticated())
				.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain providerSignIn(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((rules) -> rules.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService providerUsers() {
			return new InMemoryUserDetailsManager(
					User.withUsername(OPERATOR).password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername(VIEWER).password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername(OUTSIDER).password("{noop}" + PASSWORD).roles("USER").build());
		}

		@Bean
		RegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId(SCRIPT_CLIENT_ID)
				.clientId(SCRIPT_CLIENT_ID)
				.clientSecret("{noop}" + SCRIPT_CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scope("console")
				.build());
		}

		/** No issuer set: each request's own address is the issuer, so http://localhost:{port}. */
		@Bean
		AuthorizationServerSettings serverSettings() {
			return AuthorizationServerSettings.builder().build();
		}

		/** The provider's own check of its access tokens, at its userinfo endpoint. */
		@Bean
		JwtDecoder accessTokens() throws com.nimbusds.jose.JOSEException {
			return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
		}

		@Bean
		JWKSource<SecurityContext> keys() {
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		/** Groups and a username in every ID and access token; access tokens are for the console's audience. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
			return (context) -> {
				String principal = context.getPrincipal().getName();
				context.getClaims()
					.claim("groups", GROUPS.getOrDefault(principal, List.of()))
					.claim("preferred_username", principal);
				if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
					context.getClaims().audience(List.of(CLIENT_ID));
				}
			};
		}

	}


}
