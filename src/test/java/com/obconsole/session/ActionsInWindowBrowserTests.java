package com.obconsole.session;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.obconsole.browser.HeadlessChromium;
import com.obconsole.localengine.LocalEngines;
import com.obconsole.localengine.TestTargets;
import com.obconsole.localengine.TestSession;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tenant Session table on the most common laptop screens, in headless Chromium: every OCP
 * column is there, yet each row's Close Session lies inside the window without a sideways scroll,
 * and the console's own connection is marked and offers no close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionsInWindowBrowserTests {

	/** Long SQL on one line: the widest a row gets. */
	static final String WIDE_SQL = "SELECT SLEEP(600) AS wide_row, '" + "x".repeat(400) + "' AS padding";

	static TestSession wide;

	static int port;

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		TestTargets.register(registry, 0, "local-seekdb", LocalEngines.seekdb());
		registry.add("console.sessions.snapshot-max-age", () -> "1ms");
	}

	@BeforeAll
	static void openWideSession(@LocalServerPort int localPort) throws SQLException {
		port = localPort;
		wide = TestSession.running(LocalEngines.seekdb(), WIDE_SQL);
	}

	@AfterAll
	static void closeWideSession() {
		TestSession.closeAll(wide);
	}

	@ParameterizedTest(name = "{0} x {1}")
	@CsvSource({ "1280, 800", "1440, 900", "1366, 768" })
	void closeSessionOfEveryRowIsInsideTheWindow(int width, int height) {
		try (HeadlessChromium browser = HeadlessChromium.start("http://localhost:" + port, width, height)) {
			browser.open("/targets/local-seekdb/sessions");
			browser.signIn(TestUsers.OPERATOR, TestUsers.PASSWORD);
			browser.open("/targets/local-seekdb/sessions");
			String wideRow = "tr[data-session-id='" + wide.idText() + "']";
			browser.waitUntil((b) -> browser.isPresent(wideRow + " .close-session"));
			// Every OCP column is still there.
			assertThat(browser.findAll("#sessions thead th")).hasSize(13);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> buttons = (List<Map<String, Object>>) browser.script("""
					return Array.from(document.querySelectorAll('#sessions .close-session')).map(function (b) {
					  var r = b.getBoundingClientRect();
					  return { left: r.left, right: r.right, width: window.innerWidth };
					});""");
			assertThat(buttons).isNotEmpty();
			for (Map<String, Object> button : buttons) {
				double left = ((Number) button.get("left")).doubleValue();
				double right = ((Number) button.get("right")).doubleValue();
				double window = ((Number) button.get("width")).doubleValue();
				assertThat(left).as("Close Session's left edge at %d px", width).isGreaterThanOrEqualTo(0);
				assertThat(right).as("Close Session's right edge at %d px", width).isLessThanOrEqualTo(window);
			}
			assertThat(((Number) browser.script("return window.scrollX")).intValue()).isZero();
			if (width >= 1440) {
				// From 1440 px nothing hides under the sticky column: the State of the row is whole.
				double stateRight = ((Number) browser.script("return document.querySelector(arguments[0])"
						+ ".getBoundingClientRect().right", wideRow + " td.status")).doubleValue();
				double actionsLeft = ((Number) browser.script("return document.querySelector(arguments[0])"
						+ ".getBoundingClientRect().left", wideRow + " td.actions")).doubleValue();
				assertThat(stateRight).as("State's right edge at %d px", width).isLessThanOrEqualTo(actionsLeft + 0.5);
			}
			browser.screenshot("actions-in-window-" + width);

			// It is really there to click, not hidden under another column.
			browser.click(wideRow + " .close-session");
			browser.waitUntil((b) -> !b.findElements(By.cssSelector("#session-dialog.show .confirm-sessions tbody tr"))
				.isEmpty());
			assertThat(browser.texts("#session-dialog.show .confirm-sessions tbody tr[data-session-id]")).hasSize(1);
			assertThat(browser.find("#session-dialog.show .confirm-sessions tbody tr").getDomAttribute("data-session-id"))
				.isEqualTo(wide.idText());
		}
		assertThat(wide.isStatementRunning()).as("opening the confirmation closes nothing").isTrue();
	}

	@ParameterizedTest(name = "{0} x {1}")
	@CsvSource({ "1440, 900" })
	void theConsolesOwnConnectionIsMarkedAndOffersNoClose(int width, int height) {
		try (HeadlessChromium browser = HeadlessChromium.start("http://localhost:" + port, width, height)) {
			browser.open("/targets/local-seekdb/sessions");
			browser.signIn(TestUsers.OPERATOR, TestUsers.PASSWORD);
			browser.open("/targets/local-seekdb/sessions?size=200");
			browser.waitUntil((b) -> browser.isPresent("#sessions .mark-console"));
			String own = "tr:has(.mark-console)";
			assertThat(browser.find(own + " .mark-console").getDomAttribute("title")).contains("console's own connection");
			// The read is the console's: it shows ACTIVE while it reads.
			assertThat(browser.find(own + " .status-value").getText()).isEqualTo("ACTIVE");
			assertThat(browser.findAll(own + " .close-session")).isEmpty();
			assertThat(browser.findAll(own + " .row-select")).isEmpty();
			assertThat(browser.find(own + " .console-no-actions").getText()).isEqualTo("not closable");
			assertThat(browser.find("#figure-console").getText()).isEqualTo("including 1 of this console's own");
			// The other sessions keep their actions.
			assertThat(browser.findAll("tr[data-session-id='" + wide.idText() + "'] .close-session")).hasSize(1);
		}
	}

}
