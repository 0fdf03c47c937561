package com.obconsole.session;

import java.math.BigDecimal;

import com.obconsole.engine.Session;
import com.obconsole.engine.TraceSetting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KillRouteTests {

	static Session on(String observer) {
		return new Session(3221487622L, null, null, "app", "10.1.1.1:5000", null, "Sleep", BigDecimal.ONE, "SLEEP",
				observer, "10.0.0.9:2883", "12402504630519660553", null, null, "t1", TraceSetting.NONE);
	}

	@Test
	void throughObProxyAnUnknownIdIsRetriedOnTheSessionsObserver() {
		assertThat(KillRoute.afterUnknownThread(true, on("10.0.0.2:2881"), "10.0.0.9:2883")).hasValue("10.0.0.2:2881");
	}

	@Test
	void directlyConnectedAnUnknownIdMeansTheSessionEnded() {
		assertThat(KillRoute.afterUnknownThread(false, on("10.0.0.2:2881"), "10.0.0.2:2881")).isEmpty();
	}

	@Test
	void noRetryWithoutAnObserverOrOnTheSameAddress() {
		assertThat(KillRoute.afterUnknownThread(true, on(null), "10.0.0.9:2883")).isEmpty();
		assertThat(KillRoute.afterUnknownThread(true, on("10.0.0.9:2883"), "10.0.0.9:2883")).isEmpty();
		assertThat(KillRoute.afterUnknownThread(true, null, "10.0.0.9:2883")).isEmpty();
	}

}
