package com.obconsole.session;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sessions by SQL ID on MariaDB 11.4: the console's digest of the normalized text. */
class MariaDbSqlGroupTests extends SqlGroupEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.mariadb());
	}

	@Override
	LocalServer server() {
		return LocalEngines.mariadb();
	}

	@Override
	String tenant() {
		return "default";
	}

	@Override
	boolean engineGivesSqlIds() {
		return false;
	}

}
