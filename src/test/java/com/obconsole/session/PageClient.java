package com.obconsole.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.obconsole.security.BrowserSession;
import com.obconsole.security.TestUsers;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Asks the console for pages and fragments over real HTTP, as a signed-in browser (with or without
 * htmx) does: it keeps the session cookie and sends the page's CSRF token with every POST.
 */
public final class PageClient {

	private final String root;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private String csrf;

	/** A client signed in as OPERATOR. */
	public PageClient(TestRestTemplate http) {
		this(http, TestUsers.OPERATOR);
	}

	/** A client signed in as the given test user. */
	public PageClient(TestRestTemplate http, String username) {
		this.root = http.getRootUri();
		String login = send("GET", "/login", null, false).body();
		String token = BrowserSession.csrfTokenOf(login);
		HttpResponse<String> signedIn = send("POST", "/login", "username=" + encode(username) + "&password="
				+ encode(TestUsers.PASSWORD) + "&_csrf=" + encode(token), false);
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in as " + username + " failed: " + signedIn.statusCode());
		}
		// The token rotates at sign-in: take the new one from any page.
		this.csrf = csrfOf(send("GET", "/", null, false).body());
	}

	/** A full page, as a link followed without JavaScript gets it. */
	public Page page(String url) {
		return exchange("GET", url, null, false);
	}

	/** A fragment, as htmx asks for it. */
	public Page fragment(String url) {
		return exchange("GET", url, null, true);
	}

	/** Submits a form as htmx does: its fields (with its CSRF field), to its action. */
	public Page submit(FormElement form) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		form.formData().forEach((field) -> fields.add(field.key(), field.value()));
		return exchange("POST", form.attr("action"), fields, true);
	}

	/** Posts fields, adding the session's CSRF token as the htmx requests of the page do. */
	public Page post(String url, MultiValueMap<String, String> fields) {
		MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(fields);
		if (!withToken.containsKey("_csrf")) {
			withToken.add("_csrf", this.csrf);
		}
		return exchange("POST", url, withToken, true);
	}

	/** Posts fields with no CSRF token, as a forged request would. */
	public Page postWithoutToken(String url, MultiValueMap<String, String> fields) {
		return exchange("POST", url, fields, true);
	}

	private Page exchange(String method, String url, MultiValueMap<String, String> fields, boolean htmx) {
		String form = null;
		if (fields != null) {
			StringBuilder body = new StringBuilder();
			fields.forEach((key, values) -> values.forEach((value) -> body.append(body.isEmpty() ? "" : "&")
				.append(encode(key))
				.append('=')
				.append(encode(value))));
			form = body.toString();
		}
		HttpResponse<String> response = send(method, url, form, htmx);
		String body = (response.body() != null) ? response.body() : "";
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach(headers::addAll);
		if (!htmx) {
			String token = csrfOf(body);
			if (token != null) {
				this.csrf = token;
			}
		}
		return new Page(response.statusCode(), body, htmx ? Jsoup.parseBodyFragment(body) : Jsoup.parse(body),
				headers);
	}

	private HttpResponse<String> send(String method, String path, String form, boolean htmx) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.root + path));
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
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String csrfOf(String html) {
		Element meta = Jsoup.parse(html).selectFirst("meta[name=_csrf]");
		return (meta != null) ? meta.attr("content") : null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * An answer: its status, raw HTML (to check escaping) and parsed document.
	 */
	public record Page(int status, String html, Document doc, HttpHeaders headers) {

		/** The row of a session in the session table, or {@code null}. */
		public Element row(long id) {
			return this.doc.selectFirst("#sessions tbody tr[data-session-id=" + Long.toUnsignedString(id) + "]");
		}

		/** The session ids in the table, in order. */
		public List<String> ids() {
			return this.doc.select("#sessions tbody tr[data-session-id]").eachAttr("data-session-id");
		}

		/** A cell of a session's row by its class: session-id, user, source, database, command, time, status, ... */
		public String cell(long id, String column) {
			Element row = row(id);
			return (row != null) ? row.selectFirst("td." + column).text() : null;
		}

		/** The text of the element the selector finds. */
		public String text(String selector) {
			Element element = this.doc.selectFirst(selector);
			return (element != null) ? element.text() : null;
		}

		public FormElement form(String selector) {
			return (FormElement) this.doc.selectFirst(selector);
		}

		public Map<String, String> results() {
			Map<String, String> results = new java.util.LinkedHashMap<>();
			this.doc.select("#close-results .close-result")
				.forEach((line) -> results.put(line.attr("data-session-id"), line.attr("data-outcome")));
			return results;
		}

	}

}
