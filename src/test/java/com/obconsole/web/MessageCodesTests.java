package com.obconsole.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message code the Java code says a sentence by exists in messages.properties: a code with no
 * text would reach a DBA as an exception, and a script as a code that means nothing.
 */
class MessageCodesTests {

	/** The codes of a {@code …Messages} class, an exception's {@code CODE}, and those given to {@code Sentence.of}. */
	private static final Pattern CONSTANT = Pattern.compile("static final String \\w+ = \"([a-z][\\w.]*)\";");

	private static final Pattern SAID = Pattern.compile("Sentence\\.of\\(\\s*\"([a-z][\\w.]*)\"");

	static Set<String> codesInJava() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				String name = file.getFileName().toString();
				Matcher said = SAID.matcher(source);
				while (said.find()) {
					codes.add(said.group(1));
				}
				if (name.endsWith("Messages.java") || source.contains("import com.obconsole.web.Sentence;")) {
					Matcher constant = CONSTANT.matcher(source);
					while (constant.find()) {
						// Constants beside sentences that are codes: those with a dot (ROUTE_TARGET is not).
						if (constant.group(1).contains(".")) {
							codes.add(constant.group(1));
						}
					}
				}
			}
		}
		return codes;
	}

	static Properties english() throws IOException {
		Properties bundle = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages/messages.properties"),
				StandardCharsets.UTF_8)) {
			bundle.load(in);
		}
		return bundle;
	}

	@Test
	void everyCodeInJavaHasItsEnglishText() throws IOException {
		Set<String> codes = codesInJava();
		// The close and tracing outcomes and the problems at least: the scan must find what it scans for.
		assertThat(codes).contains("close.closed", "close.stale.sql", "trace.enabled", "trace.unsupported.engine",
				"target.unreachable.reason", "cluster.tenant.unknown").hasSizeGreaterThan(40);
		Properties english = english();
		assertThat(codes).allSatisfy((code) -> assertThat(english.getProperty(code)).as(code).isNotBlank());
	}

	@Test
	void aTextWithoutArgumentsHasNoDoubledQuote() throws IOException {
		// Without arguments MessageFormat does not run, so '' would be shown as two quotes.
		Properties english = english();
		for (String code : codesInJava()) {
			String text = english.getProperty(code, "");
			if (!text.contains("{0}")) {
				assertThat(text).as(code).doesNotContain("''");
			}
		}
	}

}
