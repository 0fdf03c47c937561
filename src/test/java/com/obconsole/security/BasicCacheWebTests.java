package com.obconsole.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HTTP Basic with a kept verification still counts wrong passwords: a script's good password,
 * accepted a moment ago, neither hides nor resets guesses at the same account.
 */
@SpringBootTest(properties = { "console.security.users[0].username=scripter",
		"console.security.users[0].password-hash=$2a$04$Jq8SVib3HF8DqsgFOxi2G.xdAsa0Q2mzYaQ.u1aAZYQPnfdWjQW1u",
		"console.security.users[0].roles=VIEWER", "console.security.lockout.max-failures=3" })
@AutoConfigureMockMvc
class BasicCacheWebTests {

	@Autowired
	MockMvc mvc;

	@Test
	void wrongPasswordsCountAndLockEvenWhileTheRightOneIsKept() throws Exception {
		this.mvc.perform(get("/api/targets").with(httpBasic("scripter", TestUsers.PASSWORD))
			.with(SecurityWebTests.fromClient("10.7.0.1"))).andExpect(status().isOk());
		// Kept: accepted again.
		this.mvc.perform(get("/api/targets").with(httpBasic("scripter", TestUsers.PASSWORD))
			.with(SecurityWebTests.fromClient("10.7.0.1"))).andExpect(status().isOk());
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/api/targets").with(httpBasic("scripter", "guess-" + i))
				.with(SecurityWebTests.fromClient("10.7.0.2"))).andExpect(status().isUnauthorized());
		}
		// The third wrong one locks the account.
		this.mvc.perform(get("/api/targets").with(httpBasic("scripter", "guess-2"))
			.with(SecurityWebTests.fromClient("10.7.0.2"))).andExpect(status().isTooManyRequests());
		// Locked for everyone, the kept right password included.
		this.mvc.perform(get("/api/targets").with(httpBasic("scripter", TestUsers.PASSWORD))
			.with(SecurityWebTests.fromClient("10.7.0.1"))).andExpect(status().isTooManyRequests());
	}

}
