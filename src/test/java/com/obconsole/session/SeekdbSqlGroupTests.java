package com.obconsole.session;

import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.LocalServer;
import com.obconsole.localengine.SeekdbRelease;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sessions by SQL ID on seekdb 1.3: the engine's SQL_ID. */
class SeekdbSqlGroupTests extends SqlGroupEngineTests {

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registerTarget(registry, LocalEngines.seekdb(SeekdbRelease.V1_3));
	}

	@Override
	LocalServer server() {
		return LocalEngines.seekdb(SeekdbRelease.V1_3);
	}

	@Override
	String tenant() {
		return "sys";
	}

	@Override
	boolean engineGivesSqlIds() {
		return true;
	}

}
