package com.obconsole.security;

import com.obconsole.SessionConsoleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Outside the demo and the tests, a console without users refuses to start, and says how to add one. */
@ExtendWith(OutputCaptureExtension.class)
class NoUsersTests {

	@Test
	void refusesToStartAndSaysHowToConfigureUsers(CapturedOutput output) {
		SpringApplicationBuilder console = new SpringApplicationBuilder(SessionConsoleApplication.class)
			.web(WebApplicationType.NONE);
		// Command-line arguments outrank the test profile that surefire switches on.
		assertThatException().isThrownBy(() -> console.run("--spring.profiles.active=none",
				"--spring.datasource.url=jdbc:h2:mem:no-users;MODE=MySQL"))
			.withRootCauseInstanceOf(NoUsersConfiguredException.class);
		assertThat(output).contains("The console has no users")
			.contains("console.security.users")
			.contains("CONSOLE_SECURITY_USERS_0_USERNAME")
			.contains("CONSOLE_SECURITY_USERS_0_PASSWORDHASH")
			.contains("com.obconsole.security.HashPassword")
			.contains("htpasswd -bnBC 10");
	}

	@Test
	void badHashIsRefusedWithAHint(CapturedOutput output) {
		SpringApplicationBuilder console = new SpringApplicationBuilder(SessionConsoleApplication.class)
			.web(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> console.run("--spring.profiles.active=none",
				"--spring.datasource.url=jdbc:h2:mem:bad-hash;MODE=MySQL", "--console.security.users[0].username=alice",
				"--console.security.users[0].password-hash=secret", "--console.security.users[0].roles=ADMIN"));
		assertThat(output).contains("console.security.users[0].passwordHash")
			.contains("must be a bcrypt hash such as $2a$10$...");
	}

}
