package com.obconsole.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What choosing the language costs each request: the console's language filter alone, in-process, for
 * each way a request names its language, and the same list call over HTTP with and without a Chinese
 * Accept-Language, beside the raw engine read of the list step.
 */
final class LanguageBench {

	private static final int FILTER_CALLS = 200_000;

	private LanguageBench() {
	}

	static void measure(BenchEngine engine, ConsoleInProcess console, int n, int warmup, int iterations,
			Results results) throws Exception {
		Filter filter = console.bean("languageFilter", FilterRegistrationBean.class).getFilter();
		record Way(String name, MockHttpServletRequest request) {
		}
		List<Way> ways = List.of(new Way("none", request(null, null, null)),
				new Way("accept_language", request("zh-CN,zh;q=0.9,en;q=0.8", null, null)),
				new Way("cookie", request(null, "zh-CN", null)), new Way("query", request(null, null, "lang=zh-CN&x=1")));
		// Every way warmed before any is timed, so that the first is not the one that pays for the JIT.
		for (Way way : ways) {
			for (int i = 0; i < FILTER_CALLS; i++) {
				filter.doFilter(way.request, new MockHttpServletResponse(), new MockFilterChain());
			}
		}
		for (Way way : ways) {
			List<Double> perCall = new ArrayList<>();
			for (int round = 0; round < 10; round++) {
				long started = System.nanoTime();
				for (int i = 0; i < FILTER_CALLS; i++) {
					filter.doFilter(way.request, new MockHttpServletResponse(), new MockFilterChain());
				}
				perCall.add((System.nanoTime() - started) / (double) FILTER_CALLS / 1_000_000.0);
			}
			Stats stats = Stats.of(perCall);
			results.add(new Results.Row(engine.label, n, "language_filter_" + way.name, stats, Double.NaN, Double.NaN,
					"", "", String.format(Locale.ROOT,
							"the language filter alone, in-process, with mock request and response: %.0f ns a call (median of 10 x %,d)",
							stats.median() * 1_000_000, FILTER_CALLS)));
		}
		List<Double> english = new ArrayList<>();
		List<Double> chinese = new ArrayList<>();
		String path = console.sessionsPath("");
		for (int round = 0; round < warmup + iterations; round++) {
			long started = System.nanoTime();
			console.tokenHttp().get(path).requireOk("the list");
			double first = Stats.millisSince(started);
			started = System.nanoTime();
			console.tokenHttp().get(path, "Accept-Language", "zh-CN,zh;q=0.9").requireOk("the list in zh-CN");
			double second = Stats.millisSince(started);
			if (round >= warmup) {
				english.add(first);
				chinese.add(second);
			}
		}
		Stats en = Stats.of(english);
		Stats zh = Stats.of(chinese);
		results.add(new Results.Row(engine.label, n, "list_api_no_language", en, Double.NaN, Double.NaN, "", "",
				"GET " + path + " with a token, no Accept-Language"));
		results.add(new Results.Row(engine.label, n, "list_api_zh_cn", zh, zh.median() / en.median(), Double.NaN, "",
				"", "the same with Accept-Language: zh-CN (ratio to the line above), interleaved"));
	}

	private static MockHttpServletRequest request(String acceptLanguage, String cookie, String query) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/targets/bench/sessions");
		if (acceptLanguage != null) {
			request.addHeader("Accept-Language", acceptLanguage);
		}
		if (cookie != null) {
			request.setCookies(new Cookie("console-lang", cookie));
		}
		request.setQueryString(query);
		return request;
	}

}
