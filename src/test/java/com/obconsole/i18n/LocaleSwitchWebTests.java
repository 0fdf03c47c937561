package com.obconsole.i18n;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.obconsole.i18n.LanguageBrowser.Answer;
import com.obconsole.security.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the language is chosen: Accept-Language on a first visit, {@code ?lang=} on any URL kept in
 * the console-lang cookie, across signing in and out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocaleSwitchWebTests {

	@LocalServerPort
	int port;

	LanguageBrowser browser(String acceptLanguage) {
		return new LanguageBrowser("http://localhost:" + this.port, acceptLanguage);
	}

	String lang(Answer answer) {
		return answer.doc().selectFirst("html").attr("lang");
	}

	@Test
	void aFirstVisitFollowsAcceptLanguage() {
		assertThat(lang(browser("zh-CN").get("/login"))).isEqualTo("zh-CN");
		assertThat(lang(browser("zh-TW,zh;q=0.9").get("/login"))).isEqualTo("zh-CN");
		assertThat(lang(browser("zh").get("/login"))).isEqualTo("zh-CN");
		assertThat(lang(browser("fr-FR,zh;q=0.5").get("/login"))).isEqualTo("zh-CN");
		assertThat(lang(browser("en-US,zh-CN;q=0.5").get("/login"))).isEqualTo("en");
		assertThat(lang(browser("fr-FR").get("/login"))).isEqualTo("en");
		assertThat(lang(browser(null).get("/login"))).isEqualTo("en");
		assertThat(browser("zh-CN").get("/login").setCookie("console-lang")).as("no choice made, no cookie").isEmpty();
	}

	@Test
	void langKeepsTheChoiceInALongLivedLaxHttpOnlyCookie() {
		LanguageBrowser browser = browser("en-US");
		Answer switched = browser.get("/login?lang=zh-CN");
		assertThat(lang(switched)).isEqualTo("zh-CN");
		assertThat(switched.setCookie("console-lang")).startsWith("console-lang=zh-CN")
			.contains("Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=31536000");
		assertThat(lang(browser.get("/login"))).isEqualTo("zh-CN");
		assertThat(lang(browser.get("/login?lang=en"))).isEqualTo("en");
		assertThat(browser.cookie("console-lang")).isEqualTo("en");
		assertThat(lang(browser.get("/login"))).isEqualTo("en");
	}

	@Test
	void aLanguageTheConsoleDoesNotSpeakIsIgnored() {
		LanguageBrowser browser = browser("zh-CN");
		Answer french = browser.get("/login?lang=fr");
		assertThat(lang(french)).isEqualTo("zh-CN");
		assertThat(french.setCookie("console-lang")).isEmpty();
		assertThat(lang(browser.get("/login?lang=zh_CN"))).isEqualTo("zh-CN");
		assertThat(lang(browser("en").get("/login?lang=%3Cscript%3E"))).isEqualTo("en");
	}

	@Test
	void theChoiceSurvivesSigningInAndOut() {
		LanguageBrowser browser = browser("en-US");
		// Chosen before signing in, on a page that sends the browser to the sign-in page.
		Answer redirected = browser.get("/clusters?lang=zh-CN");
		assertThat(redirected.status()).isEqualTo(302);
		assertThat(browser.cookie("console-lang")).isEqualTo("zh-CN");
		assertThat(lang(browser.get("/login"))).isEqualTo("zh-CN");

		browser.signIn(TestUsers.OPERATOR);
		Answer home = browser.get("/clusters");
		assertThat(lang(home)).isEqualTo("zh-CN");
		assertThat(home.doc().select("#language-switch a.active").text()).isEqualTo("中文");

		Answer signedOut = browser.signOut();
		assertThat(signedOut.status()).isEqualTo(302);
		Answer login = browser.get("/login?logout");
		assertThat(lang(login)).isEqualTo("zh-CN");
		assertThat(login.doc().selectFirst("#login-signed-out").text()).isEqualTo("已退出登录。");
		assertThat(browser.cookie("console-lang")).isEqualTo("zh-CN");
	}

	@Test
	void theSwitchKeepsThePageAndItsQuery() {
		LanguageBrowser browser = browser("zh-CN").signIn(TestUsers.OPERATOR);
		Answer page = browser.get("/clusters?x=1&lang=zh-CN");
		assertThat(page.doc().select("#language-switch a").eachAttr("href")).containsExactly(
				"/clusters?x=1&lang=zh-CN", "/clusters?x=1&lang=en");
		assertThat(page.doc().select("#language-switch a").eachText()).containsExactly("中文", "English");
		assertThat(page.doc().select("#language-switch a[aria-current]").eachText()).containsExactly("中文");
		// A refusal shows the switch for the address that was refused.
		Answer denied = browser.get("/audit?from=2026-01-01");
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.doc().select("#language-switch a").eachAttr("href")).containsExactly(
				"/audit?from=2026-01-01&lang=zh-CN", "/audit?from=2026-01-01&lang=en");
	}

	@Test
	void apiProblemsFollowTheChoiceToo() {
		Answer refused = browser("zh-CN").get("/api/targets");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.html()).contains("使用 API 需要登录");
		assertThat(browser(null).get("/api/targets").html()).contains("Sign in to use the API");
	}

	@Test
	void aCookieTheConsoleDidNotWriteIsIgnored() {
		assertThat(lang(browser("zh-CN").withCookie("console-lang", "fr").get("/login"))).isEqualTo("zh-CN");
		assertThat(lang(browser("zh-CN").withCookie("console-lang", "%3Cscript%3E").get("/login"))).isEqualTo("zh-CN");
		assertThat(lang(browser("en").withCookie("console-lang", "de-DE").get("/login"))).isEqualTo("en");
		assertThat(lang(browser("en").withCookie("console-lang", "").get("/login"))).isEqualTo("en");
		// A value the console writes is a choice, and a choice outranks Accept-Language.
		assertThat(lang(browser("en").withCookie("console-lang", "zh-CN").get("/login"))).isEqualTo("zh-CN");
	}

	@Test
	void anAddressThatDoesNotExistIsAPageInTheReadersLanguage() {
		LanguageBrowser browser = browser("zh-CN").signIn(TestUsers.VIEWER);
		Answer missing = browser.get("/no-such-page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("text/html");
		assertThat(lang(missing)).isEqualTo("zh-CN");
		assertThat(missing.doc().selectFirst("#error-title").text()).isEqualTo("错误 404");
		assertThat(missing.doc().selectFirst("#error-message").text()).isEqualTo("页面不存在。");
		Answer english = browser.get("/no-such-page?lang=en");
		assertThat(english.status()).isEqualTo(404);
		assertThat(english.doc().selectFirst("#error-message").text()).isEqualTo("There is no such page.");
	}

	@Test
	void theErrorPageAskedForDirectlySaysAnErrorThatExists() {
		Answer error = browser("zh-CN").signIn(TestUsers.VIEWER).get("/error");
		assertThat(error.status()).isEqualTo(500);
		assertThat(error.doc().selectFirst("#error-title").text()).isEqualTo("错误 500");
	}

	@Test
	void anApiAddressThatDoesNotExistIsAProblemWithACode() throws Exception {
		for (String language : new String[] { "zh-CN", "en" }) {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/no-such"))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((TestUsers.VIEWER + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.header("Accept-Language", language)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(404);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(answer.body()).contains("\"code\":\"error.status.404\"")
				.contains(language.equals("en") ? "There is no such page." : "页面不存在。");
		}
	}

}
