package com.obconsole.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerVersionTests {

	@Test
	void oceanBaseCommunityEdition() {
		ServerVersion v = ServerVersion.parse("5.7.25-OceanBase_CE-v4.2.1.8",
				"OceanBase_CE 4.2.1.8 (r108000022024072217-4d5f8a1a4b1a7a3c0e8d5c5b8e2f7f0f0f0f0f0f) (Built Jul 22 2024 17:43:30)");
		assertThat(v).isEqualTo(new ServerVersion(Engine.OCEANBASE, "CE", "4.2.1.8", "4.2.1.8"));
		assertThat(v.displayName()).isEqualTo("OceanBase CE 4.2.1.8");
	}

	@Test
	void oceanBaseEnterpriseEdition() {
		ServerVersion v = ServerVersion.parse("5.7.25-OceanBase-v4.2.1.2",
				"OceanBase 4.2.1.2 (r102000032023120121-ffd9d5b0f4bc0ca38b0e2c0f1b2f41ee4fcbd2f4) (Built Dec  1 2023)");
		assertThat(v).isEqualTo(new ServerVersion(Engine.OCEANBASE, "Enterprise", "4.2.1.2", "4.2.1.2"));
	}

	@Test
	void oceanBaseFromCommentWhenVersionHasNoNumber() {
		ServerVersion v = ServerVersion.parse("5.7.25-OceanBase_CE", "OceanBase_CE 4.3.5.3 (r1) (Built today)");
		assertThat(v.engine()).isEqualTo(Engine.OCEANBASE);
		assertThat(v.version()).isEqualTo("4.3.5.3");
	}

	@Test
	void seekdbAsShippedInTheWheel() {
		ServerVersion v = ServerVersion.parse("5.7.25-OceanBase seekdb-v1.4.0.0",
				"OceanBase 4.3.5.3 seekdb (r1.4.0.0) (Built 1-d08a76bced6fb99281d1447c00fb4c9e7469104d Aug 20 2026)");
		assertThat(v).isEqualTo(new ServerVersion(Engine.SEEKDB, null, "1.4.0.0", "4.3.5.3"));
		assertThat(v.displayName()).isEqualTo("seekdb 1.4.0.0");
	}

	@Test
	void seekdbAsWrittenInItsSource() {
		// The source read for our reference spells it "SeekDB"; the shipped build says "seekdb".
		ServerVersion v = ServerVersion.parse("5.7.25-OceanBase SeekDB-v1.0.0.0",
				"OceanBase 4.3.5.3 SeekDB (r1.0.0.0) (Built Nov 1 2025)");
		assertThat(v).isEqualTo(new ServerVersion(Engine.SEEKDB, null, "1.0.0.0", "4.3.5.3"));
	}

	@Test
	void mysql8() {
		ServerVersion v = ServerVersion.parse("8.0.36", "MySQL Community Server - GPL");
		assertThat(v).isEqualTo(new ServerVersion(Engine.MYSQL, null, "8.0.36", null));
		assertThat(ServerVersion.parse("8.4.2-log", "MySQL Community Server - GPL").version()).isEqualTo("8.4.2");
	}

	@Test
	void mariadb11() {
		assertThat(ServerVersion.parse("11.4.5-MariaDB", "MariaDB Server"))
			.isEqualTo(new ServerVersion(Engine.MARIADB, null, "11.4.5", null));
		assertThat(ServerVersion.parse("10.11.6-MariaDB-0+deb12u1-log", "Debian 12").version()).isEqualTo("10.11.6");
		assertThat(ServerVersion.parse("5.5.5-11.4.5-MariaDB-log", "MariaDB Server").version()).isEqualTo("11.4.5");
	}

	@Test
	void oceanBaseVersionComparison() {
		ServerVersion ob = ServerVersion.parse("5.7.25-OceanBase_CE-v4.2.1.8", "OceanBase_CE 4.2.1.8 (r1)");
		assertThat(ob.isOceanBaseAtLeast("4.2.1")).isTrue();
		assertThat(ob.isOceanBaseAtLeast("4.2.2")).isFalse();
		assertThat(ob.isOceanBaseAtLeast("4.2.1.8")).isTrue();
		assertThat(ob.isOceanBaseAtLeast("4.2.1.9")).isFalse();
		assertThat(ServerVersion.parse("8.0.36", null).isOceanBaseAtLeast("4.0")).isFalse();
	}

}
