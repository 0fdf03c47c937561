package com.obconsole.targets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcAddressTests {

	@Test
	void hostAndPort() {
		assertThat(JdbcAddress.of("jdbc:mysql://10.0.0.5:2881/oceanbase?useSSL=false")).isEqualTo("10.0.0.5:2881");
		assertThat(JdbcAddress.of("jdbc:mysql://db.example.com/x")).isEqualTo("db.example.com:3306");
		assertThat(JdbcAddress.of("jdbc:mysql://user:pw@10.0.0.5:2883")).isEqualTo("10.0.0.5:2883");
		assertThat(JdbcAddress.of("jdbc:mysql://[::1]:2881/")).isEqualTo("[::1]:2881");
		assertThat(JdbcAddress.of("jdbc:oceanbase:loadbalance://h1:2881,h2:2881/db")).isEqualTo("h1:2881");
	}

}
