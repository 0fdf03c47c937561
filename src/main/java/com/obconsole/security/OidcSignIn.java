package com.obconsole.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * "Sign in with ..." on the page chain: the authorization code flow against {@link OidcProvider},
 * users and roles from {@link OidcUsers}, and sign-out through the provider's end-session endpoint
 * where it has one.
 */
final class OidcSignIn {

	private static final String SIGNED_OUT = SignInController.LOGIN_PATH + "?logout";

	private OidcSignIn() {
	}

	/**
	 * Adds the provider's sign-in to the page chain. The chain's authentication manager is given
	 * explicitly (so that nothing builds an unthrottled second one), and then Spring Security does not
	 * add the code flow's own provider to it: it is added here, beside the passwords.
	 */
	static void configure(HttpSecurity http, OidcProvider provider, RefusedSignIns refused,
			AuthenticationFailureHandler failed, AuthenticationManager passwords) throws Exception {
		OidcUsers users = new OidcUsers(provider.properties(), refused);
		AuthenticationProvider password = new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				return passwords.authenticate(authentication);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
		http.authenticationManager(new ProviderManager(password,
				new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(), users)));
		http.oauth2Login((login) -> login.loginPage(SignInController.LOGIN_PATH)
			.clientRegistrationRepository(provider)
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(users))
			.failureHandler(failed)
			// A provider that went down after the page was drawn: back to the page, which says so.
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(failed);
					return filter;
				}
			}));
	}

	/**
	 * Ends the console's session, then, for a user who came through the provider, the provider's
	 * own (RP-initiated logout), which sends the browser back to the sign-in page.
	 */
	static LogoutSuccessHandler signOut(OidcProvider provider) {
		if (!provider.active()) {
			SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
			local.setDefaultTargetUrl(SIGNED_OUT);
			return local;
		}
		OidcClientInitiatedLogoutSuccessHandler everywhere = new OidcClientInitiatedLogoutSuccessHandler(provider);
		everywhere.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
		everywhere.setDefaultTargetUrl(SIGNED_OUT);
		return everywhere;
	}

	/**
	 * The pages' policy, letting the sign-out form's redirect go on to the provider's end-session
	 * endpoint: browsers hold a form's redirects to {@code form-action} too.
	 */
	static String contentSecurityPolicy(String policy, OidcProvider provider) {
		if (!provider.active()) {
			return policy;
		}
		java.net.URI issuer = java.net.URI.create(provider.properties().issuer());
		String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
		return policy.replace("form-action 'self'", "form-action 'self' " + origin);
	}

	/** The no-role refusal inside a failure, from the provider's flow or a directory's. */
	static NoConsoleRoleException noRole(AuthenticationException failure) {
		if (failure instanceof NoConsoleRoleException refusal) {
			return refusal;
		}
		return (failure instanceof OAuth2AuthenticationException && failure.getCause() instanceof NoConsoleRoleException refusal)
				? refusal : null;
	}

	/** A failure of the provider's flow: unreachable, a refused code, a bad ID token. */
	static boolean isProviderFailure(AuthenticationException failure) {
		return failure instanceof OAuth2AuthenticationException
				|| failure.getClass().getName().contains("OAuth2AuthorizationRequestException");
	}

}
