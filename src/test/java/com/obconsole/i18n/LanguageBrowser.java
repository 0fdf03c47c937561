package com.obconsole.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.obconsole.security.BrowserSession;
import com.obconsole.security.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser over real HTTP that sends an Accept-Language of its own (or none), keeps cookies, signs
 * in and out through the forms, and follows no redirects.
 */
final class LanguageBrowser {

	private final String root;

	private final String acceptLanguage;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private String csrf;

	/** @param acceptLanguage the header's value, or null to send none */
	LanguageBrowser(String root, String acceptLanguage) {
		this.root = root;
		this.acceptLanguage = acceptLanguage;
	}

	LanguageBrowser signIn(String username) {
		String token = BrowserSession.csrfTokenOf(get("/login").html());
		Answer signedIn = send("POST", "/login", "username=" + encode(username) + "&password="
				+ encode(TestUsers.PASSWORD) + "&_csrf=" + encode(token), false);
		if (signedIn.status() != 302 || signedIn.header("Location").contains("error")) {
			throw new IllegalStateException("sign-in as " + username + " failed: " + signedIn.status());
		}
		this.csrf = get("/").doc().selectFirst("meta[name=_csrf]").attr("content");
		return this;
	}

	Answer signOut() {
		return send("POST", "/logout", "_csrf=" + encode(this.csrf), false);
	}

	Answer get(String path) {
		return send("GET", path, null, false);
	}

	/** As htmx asks for a fragment. */
	Answer fragment(String path) {
		return send("GET", path, null, true);
	}

	/** Submits a form's fields to its action, as htmx does. */
	Answer submit(Element form) {
		String body = ((org.jsoup.nodes.FormElement) form).formData()
			.stream()
			.map((field) -> encode(field.key()) + "=" + encode(field.value()))
			.collect(Collectors.joining("&"));
		return send("POST", form.attr("action"), body, true);
	}

	/** Gives this browser a cookie the console did not write, as a user or another site could. */
	LanguageBrowser withCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create(this.root), cookie);
		return this;
	}

	/** The value of one of this browser's cookies, or null. */
	String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Answer send(String method, String path, String form, boolean htmx) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.root + path))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		if (this.acceptLanguage != null) {
			request.header("Accept-Language", this.acceptLanguage);
		}
		if (htmx) {
			request.header("HX-Request", "true");
		}
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
			request.method(method, HttpRequest.BodyPublishers.ofString(form));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = (response.body() != null) ? response.body() : "";
			return new Answer(response.statusCode(), body, htmx ? Jsoup.parseBodyFragment(body) : Jsoup.parse(body),
					response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A response: status, raw and parsed HTML, headers. */
	record Answer(int status, String html, Document doc, Map<String, List<String>> headers) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse("");
		}

		/** The Set-Cookie header that sets the named cookie, or "". */
		String setCookie(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
				.flatMap((entry) -> entry.getValue().stream())
				.filter((cookie) -> cookie.startsWith(name + "="))
				.findFirst()
				.orElse("");
		}

		/** Everything a reader sees or hears: the text, and the attributes that carry words. */
		String words() {
			StringBuilder words = new StringBuilder(this.doc.text());
			for (Element element : this.doc.getAllElements()) {
				element.attributes().forEach((attribute) -> {
					String name = attribute.getKey();
					if (name.equals("title") || name.equals("placeholder") || name.startsWith("aria-")
							|| name.startsWith("data-") || name.equals("hx-confirm")) {
						words.append('\n').append(attribute.getValue());
					}
				});
			}
			return words.toString();
		}

	}

}
