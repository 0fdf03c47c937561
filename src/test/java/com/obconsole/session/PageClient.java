package com.obconsole.session;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Asks the console for pages and fragments over HTTP, as a browser (with or without htmx) does. */
final class PageClient {

	private final TestRestTemplate http;

	PageClient(TestRestTemplate http) {
		this.http = http;
	}

	/** A full page, as a link followed without JavaScript gets it. */
	Page page(String url) {
		return exchange(HttpMethod.GET, url, null, false);
	}

	/** A full page, asked for with an extra request header. */
	Page pageAs(String url, String header) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(header, "true");
		ResponseEntity<String> response = this.http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers),
				String.class);
		String body = (response.getBody() != null) ? response.getBody() : "";
		return new Page(response.getStatusCode().value(), body, Jsoup.parse(body), response.getHeaders());
	}

	/** A fragment, as htmx asks for it. */
	Page fragment(String url) {
		return exchange(HttpMethod.GET, url, null, true);
	}

	/** Submits a form as htmx does: its fields, to its action. */
	Page submit(FormElement form) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		form.formData().forEach((field) -> fields.add(field.key(), field.value()));
		return exchange(HttpMethod.POST, form.attr("action"), fields, true);
	}

	Page post(String url, MultiValueMap<String, String> fields) {
		return exchange(HttpMethod.POST, url, fields, true);
	}

	private Page exchange(HttpMethod method, String url, MultiValueMap<String, String> fields, boolean htmx) {
		HttpHeaders headers = new HttpHeaders();
		if (htmx) {
			headers.add("HX-Request", "true");
		}
		if (fields != null) {
			headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		}
		ResponseEntity<String> response = this.http.exchange(url, method, new HttpEntity<>(fields, headers),
				String.class);
		String body = (response.getBody() != null) ? response.getBody() : "";
		return new Page(response.getStatusCode().value(), body,
				htmx ? Jsoup.parseBodyFragment(body) : Jsoup.parse(body), response.getHeaders());
	}

	/**
	 * An answer: its status, raw HTML (to check escaping) and parsed document.
	 */
	record Page(int status, String html, Document doc, HttpHeaders headers) {

		/** The row of a session in the session table, or {@code null}. */
		Element row(long id) {
			return this.doc.selectFirst("#sessions tbody tr[data-session-id=" + Long.toUnsignedString(id) + "]");
		}

		/** The session ids in the table, in order. */
		List<String> ids() {
			return this.doc.select("#sessions tbody tr[data-session-id]").eachAttr("data-session-id");
		}

		/** A cell of a session's row by its class: session-id, user, source, database, command, time, status, ... */
		String cell(long id, String column) {
			Element row = row(id);
			return (row != null) ? row.selectFirst("td." + column).text() : null;
		}

		/** The text of the element the selector finds. */
		String text(String selector) {
			Element element = this.doc.selectFirst(selector);
			return (element != null) ? element.text() : null;
		}

		FormElement form(String selector) {
			return (FormElement) this.doc.selectFirst(selector);
		}

		Map<String, String> results() {
			Map<String, String> results = new java.util.LinkedHashMap<>();
			this.doc.select("#close-results .close-result")
				.forEach((line) -> results.put(line.attr("data-session-id"), line.attr("data-outcome")));
			return results;
		}

	}

}
