package com.obconsole.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sign-in sessions in the console's database (Spring Session JDBC, tables from
 * {@code V6__sign_in_sessions.sql}); Spring Boot configures the rest from {@code spring.session.*}
 * and the cookie from {@code server.servlet.session.cookie.*}.
 */
@Configuration(proxyBeanMethods = false)
class SignInSessions {

	/**
	 * Writes a session attribute with INSERT ... ON DUPLICATE KEY UPDATE, which H2 (MODE=MySQL),
	 * MySQL, MariaDB and OceanBase all take: the table's auto-refresh and a click can save the same
	 * attribute of one session at once, and two plain INSERTs would fail one request.
	 */
	@Bean
	MySqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new MySqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
