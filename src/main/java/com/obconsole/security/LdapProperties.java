package com.obconsole.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with a password against an LDAP directory (bind as the user), roles from the user's
 * groups. Off until {@code url} is set. Works for the sign-in form and HTTP Basic alike, behind the
 * same failed sign-in lock as the console's own users.
 *
 * @param enabled false switches it off while keeping the settings
 * @param url e.g. {@code ldaps://ldap.example.com:636/dc=example,dc=com} (the base DN in the URL is
 * the root the search bases below are relative to)
 * @param userSearchBase where users are, e.g. {@code ou=people}
 * @param userSearchFilter how a username finds its entry; {@code {0}} is the username
 * @param groupSearchBase where groups are, e.g. {@code ou=groups}
 * @param groupSearchFilter which groups a user is in; {@code {0}} is the user's DN, {@code {1}} the username
 * @param groupNameAttribute the attribute of a group that {@code role-mapping} names
 * @param managerDn who searches for users; empty: anonymous search
 * @param managerPassword that DN's password
 * @param roleMapping group → VIEWER, OPERATOR or ADMIN; a user in no mapped group is refused
 */
@ConfigurationProperties("console.security.ldap")
record LdapProperties(@DefaultValue("true") boolean enabled, String url, String userSearchBase,
		@DefaultValue("(uid={0})") String userSearchFilter, String groupSearchBase,
		@DefaultValue("(member={0})") String groupSearchFilter, @DefaultValue("cn") String groupNameAttribute,
		String managerDn, String managerPassword, @DefaultValue Map<String, Role> roleMapping) {

	static final String PREFIX = "console.security.ldap";

	boolean active() {
		return this.enabled && OidcProperties.hasText(this.url);
	}

	/** Refuses a half-made configuration, naming the property to fix. */
	void check() {
		if (!this.enabled) {
			return;
		}
		if (!OidcProperties.hasText(this.url)) {
			if (OidcProperties.hasText(this.userSearchBase) || !this.roleMapping.isEmpty()) {
				throw new SignInSettingsException(PREFIX + ".url", "is missing, while other " + PREFIX
						+ ".* settings are given");
			}
			return;
		}
		if (!this.url.startsWith("ldap://") && !this.url.startsWith("ldaps://")) {
			throw new SignInSettingsException(PREFIX + ".url", "must be an ldap:// or ldaps:// URL, not '" + this.url + "'");
		}
		if (this.userSearchBase == null) {
			throw new SignInSettingsException(PREFIX + ".user-search-base",
					"is missing: the URL is given, not where the users are (e.g. ou=people; empty for the URL's base)");
		}
		if (!OidcProperties.hasText(this.userSearchFilter) || !this.userSearchFilter.contains("{0}")) {
			throw new SignInSettingsException(PREFIX + ".user-search-filter", "must contain {0}, the username");
		}
		if (this.groupSearchBase == null) {
			throw new SignInSettingsException(PREFIX + ".group-search-base",
					"is missing: the URL is given, not where the groups are (e.g. ou=groups)");
		}
		if (OidcProperties.hasText(this.managerDn) && this.managerPassword == null) {
			throw new SignInSettingsException(PREFIX + ".manager-password", "is missing for the manager-dn given");
		}
		if (this.roleMapping.isEmpty()) {
			throw new SignInSettingsException(PREFIX + ".role-mapping",
					"is empty: nobody signing in through the directory would get a role");
		}
	}

	@Override
	public String toString() {
		return "LdapProperties[url=" + this.url + ", managerDn=" + this.managerDn + "]";
	}

}
