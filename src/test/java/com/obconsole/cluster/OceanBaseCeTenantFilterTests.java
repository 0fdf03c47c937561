package com.obconsole.cluster;

import java.util.List;
import java.util.Map;

import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oceanbase.OceanBaseCEContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant filter against a full OceanBase CE, which has a real user tenant ({@code test}) beside
 * sys. Extra coverage: skipped, visibly, where no Docker engine runs; seekdb (one tenant) covers
 * the same code here.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class OceanBaseCeTenantFilterTests {

	@Container
	static final OceanBaseCEContainer oceanbase = new OceanBaseCEContainer(
			"oceanbase/oceanbase-ce:4.2.1.8-108000022024072217");

	@DynamicPropertySource
	static void target(DynamicPropertyRegistry registry) {
		registry.add("console.targets[0].name", () -> "ob-ce");
		registry.add("console.targets[0].url", oceanbase::getJdbcUrl);
		registry.add("console.targets[0].username", oceanbase::getUsername);
		registry.add("console.targets[0].password", oceanbase::getPassword);
		registry.add("console.sessions.snapshot-max-age", () -> "0s");
	}

	@Autowired
	TestRestTemplate anonymous;

	@Test
	void aUserTenantSeesItsOwnSessionsOnlyAndListsItself() {
		TestRestTemplate http = this.anonymous.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
		List<Map<String, Object>> tenants = http.exchange("/api/clusters/ob-ce/tenants", HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody();
		assertThat(tenants).extracting((t) -> t.get("name")).containsExactly("test");
		Map<String, Object> inTest = http.exchange("/api/targets/ob-ce/sessions?tenant=test&size=500", HttpMethod.GET,
				null, new ParameterizedTypeReference<Map<String, Object>>() {
				}).getBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> sessions = (List<Map<String, Object>>) inTest.get("sessions");
		assertThat(sessions).isNotEmpty().allSatisfy((s) -> assertThat(s).containsEntry("tenant", "test"));
		Map<String, Object> inSys = http.exchange("/api/targets/ob-ce/sessions?tenant=sys", HttpMethod.GET, null,
				new ParameterizedTypeReference<Map<String, Object>>() {
				}).getBody();
		assertThat((List<?>) inSys.get("sessions")).isEmpty();
	}

}
