package com.obconsole.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in, and how hard guessing a password is made.
 *
 * @param users the console's users ({@code console.security.users[0].username}, or
 * {@code CONSOLE_SECURITY_USERS_0_USERNAME} in the environment)
 * @param lockout throttling of failed sign-ins
 * @param basicCacheTime how long a password that bcrypt accepted for HTTP Basic is trusted again
 * without bcrypt ({@link VerifiedPasswords}); 0 checks every call
 */
@ConfigurationProperties("console.security")
@Validated
record ConsoleSecurityProperties(@DefaultValue List<@Valid User> users, @DefaultValue @Valid Lockout lockout,
		@DefaultValue("60s") @NotNull Duration basicCacheTime) {

	/**
	 * One user.
	 *
	 * @param username the name to sign in with, also the actor in the audit trail
	 * @param passwordHash a bcrypt hash ({@code $2a$10$...}), with or without a {@code {bcrypt}} prefix
	 * @param roles VIEWER, OPERATOR, ADMIN (each includes the ones below it) or METRICS (the Prometheus scrape only)
	 */
	record User(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}",
			message = "must be 1-100 letters, digits, '.', '_', '@' or '-'") String username,
			@NotBlank @Pattern(regexp = "(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}",
					message = "must be a bcrypt hash such as $2a$10$... (see the README for how to make one)") String passwordHash,
			@NotEmpty List<@NotNull Role> roles) {

		/** The hash without its {@code {bcrypt}} prefix. */
		String bcryptHash() {
			return this.passwordHash.startsWith("{bcrypt}") ? this.passwordHash.substring("{bcrypt}".length())
					: this.passwordHash;
		}

		@Override
		public String toString() {
			return "User[username=" + this.username + ", roles=" + this.roles + "]";
		}

	}

	/**
	 * Failed sign-ins allowed before a lock.
	 *
	 * @param maxFailures failures of one username, or from one client address, that lock it
	 * @param window how far back failures are counted
	 * @param duration how long a lock lasts
	 */
	record Lockout(@DefaultValue("5") @Min(1) @Max(1000) int maxFailures, @DefaultValue("15m") @NotNull Duration window,
			@DefaultValue("15m") @NotNull Duration duration) {
	}

}
