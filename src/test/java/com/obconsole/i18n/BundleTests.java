package com.obconsole.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.obconsole.audit.AuditAction;
import com.obconsole.audit.AuditRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language says everything: both bundles hold the same keys with the same placeholders and no
 * empty value, and every key the templates and the Java code name exists in every language. A key
 * added to messages.properties without its translation fails the build here.
 */
class BundleTests {

	static final Path MESSAGES = Path.of("src/main/resources/messages");

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path JAVA = Path.of("src/main/java");

	/** The default bundle (English) and each language's own file, by the language's tag. */
	static final Map<String, Properties> BUNDLES = bundles();

	static final Properties ENGLISH = BUNDLES.get("en");

	/** Literal keys in templates: #{key}, #{key(…)}, #messages.msg('key'…), #messages.msgOrNull('key'…). */
	static final Pattern TEMPLATE_KEY = Pattern
		.compile("#\\{([a-zA-Z][\\w.-]*)[}(]|#messages\\.msg(?:OrNull)?\\('([a-zA-Z][\\w.-]*)'\\s*[,)]");

	/** Computed keys: a literal prefix joined to a value, as in #{'confirm.title.' + ${x}}. */
	static final Pattern TEMPLATE_PREFIX = Pattern.compile("'([a-z][\\w.-]*)'\\s*\\+");

	/** The keys computed keys expand to, spelled out: the test fails if one is missing. */
	static final List<String> COMPUTED_KEYS = List.of("confirm.title.session", "confirm.title.query",
			"confirm.intro.session", "confirm.intro.query", "confirm.submit.session", "confirm.submit.query",
			"confirm.group.session", "confirm.group.query", "results.title.session", "results.title.query",
			"token.state.ACTIVE", "token.state.EXPIRED", "token.state.REVOKED", "trace.level.1", "trace.level.2",
			"trace.level.3", "trace.recordPolicy.ALL", "trace.recordPolicy.ONLY_SLOW_QUERY",
			"trace.recordPolicy.SAMPLE_AND_SLOW_QUERY", "stats.byUser", "stats.bySource", "stats.byDatabase",
			"stats.column.user", "stats.column.source", "stats.column.database", "sessions.column.id",
			"sessions.column.sql", "sessions.column.sqlId", "sessions.column.user", "sessions.column.source",
			"sessions.column.database", "sessions.column.command", "sessions.column.time",
			"sessions.column.status", "sessions.column.observer", "sessions.column.proxy", "error.status.400",
			"error.status.403", "error.status.404", "error.status.500", "error.status.503", "error.status.other",
			"denied.action.audit", "denied.action.actuator", "denied.action.close-session",
			"denied.action.close-query", "denied.action.trace", "denied.action.change-session",
			"denied.action.other", "denied.action.browse");

	/** A string literal in Java that has the shape of a message code. */
	static final Pattern JAVA_CODE = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z0-9-]+)+)\"");

	@Test
	void everyLanguageHasAFileAndTheFileEveryLanguage() {
		assertThat(BUNDLES.keySet()).containsExactlyInAnyOrderElementsOf(
				Stream.of(Language.values()).map(Language::tag).toList());
	}

	@Test
	void everyLanguageHasTheSameKeys() {
		BUNDLES.forEach((tag, bundle) -> {
			assertThat(bundle.stringPropertyNames()).as("keys in English but not in %s", tag)
				.containsAll(ENGLISH.stringPropertyNames());
			assertThat(ENGLISH.stringPropertyNames()).as("keys in %s but not in English", tag)
				.containsAll(bundle.stringPropertyNames());
		});
	}

	/** A key given twice is read as its last value: a label and a message that share a name shadow each other. */
	@Test
	void noKeyIsGivenTwiceInABundle() throws IOException {
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".properties")).toList()) {
				List<String> keys = Files.readAllLines(file, StandardCharsets.UTF_8)
					.stream()
					.filter((line) -> !line.isBlank() && !line.stripLeading().startsWith("#") && line.contains("="))
					.map((line) -> line.substring(0, line.indexOf('=')).strip())
					.toList();
				assertThat(keys).as("keys of %s", file.getFileName()).doesNotHaveDuplicates();
			}
		}
	}

	@Test
	void noValueIsEmpty() {
		BUNDLES.forEach((tag, bundle) -> assertThat(bundle.stringPropertyNames())
			.as("keys of %s without a value", tag)
			.filteredOn((key) -> bundle.getProperty(key).isBlank())
			.isEmpty());
	}

	@Test
	void everyTranslationHasTheEnglishPlaceholders() {
		BUNDLES.forEach((tag, bundle) -> {
			Map<String, String> different = new TreeMap<>();
			for (String key : ENGLISH.stringPropertyNames()) {
				String english = ENGLISH.getProperty(key);
				String translated = bundle.getProperty(key, "");
				if (!placeholders(english).equals(placeholders(translated))
						|| count(english, "%s") != count(translated, "%s")) {
					different.put(key, english + "  ≠  " + translated);
				}
			}
			assertThat(different).as("placeholders that differ from English in %s", tag).isEmpty();
		});
	}

	@Test
	void everyMessageWithArgumentsIsAValidMessageFormat() {
		BUNDLES.forEach((tag, bundle) -> {
			for (String key : bundle.stringPropertyNames()) {
				String value = bundle.getProperty(key);
				if (!placeholders(value).isEmpty()) {
					// Throws on an unbalanced quote or brace, which would show a broken sentence.
					new MessageFormat(value, Locale.forLanguageTag(tag)).format(new Object[] { 1, 2, 3, 4 });
				}
			}
		});
	}

	@Test
	void everyKeyTheTemplatesNameExistsInEveryLanguage() throws IOException {
		Set<String> keys = new TreeSet<>(COMPUTED_KEYS);
		// The audit page names every action and outcome by its code: a new one needs its words.
		Arrays.stream(AuditAction.values()).forEach((action) -> keys.add("audit.action." + action.name()));
		AuditRecord.OUTCOMES.forEach((outcome) -> keys.add("audit.outcome." + outcome));
		Set<String> prefixes = new TreeSet<>();
		for (String template : read(TEMPLATES, ".html")) {
			Matcher key = TEMPLATE_KEY.matcher(template);
			while (key.find()) {
				keys.add((key.group(1) != null) ? key.group(1) : key.group(2));
			}
			Matcher prefix = TEMPLATE_PREFIX.matcher(template);
			while (prefix.find()) {
				if (prefix.group(1).contains(".")) {
					prefixes.add(prefix.group(1));
				}
			}
		}
		assertThat(keys).hasSizeGreaterThan(300);
		BUNDLES.forEach((tag, bundle) -> {
			assertThat(keys).as("template keys missing from %s", tag)
				.filteredOn((key) -> bundle.getProperty(key) == null)
				.isEmpty();
			assertThat(prefixes).as("computed template keys with no entry in %s", tag)
				.filteredOn((prefix) -> bundle.stringPropertyNames().stream().noneMatch((k) -> k.startsWith(prefix)))
				.isEmpty();
		});
	}

	@Test
	void everyMessageCodeInTheJavaCodeExistsInEveryLanguage() throws IOException {
		Set<String> codes = new TreeSet<>();
		for (String source : read(JAVA, ".java")) {
			Matcher code = JAVA_CODE.matcher(source);
			while (code.find()) {
				if (ENGLISH.getProperty(code.group(1)) != null) {
					codes.add(code.group(1));
				}
			}
		}
		assertThat(codes).isNotEmpty();
		BUNDLES.forEach((tag, bundle) -> assertThat(codes).as("message codes of the Java code missing from %s", tag)
			.filteredOn((code) -> bundle.getProperty(code) == null)
			.isEmpty());
	}

	/**
	 * The argument indices a MessageFormat pattern uses: {0}, {1,number} … outside quotes, where ''
	 * is an apostrophe and a single quote starts or ends quoted text.
	 */
	static Set<Integer> placeholders(String pattern) {
		Set<Integer> indices = new TreeSet<>();
		boolean quoted = false;
		int depth = 0;
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '\'') {
				if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
					i++;
				}
				else if (depth == 0) {
					quoted = !quoted;
				}
			}
			else if (!quoted && c == '{') {
				depth++;
				Matcher index = Pattern.compile("\\d+").matcher(pattern).region(i + 1, pattern.length());
				if (index.lookingAt()) {
					indices.add(Integer.parseInt(index.group()));
				}
			}
			else if (!quoted && c == '}') {
				depth = Math.max(0, depth - 1);
			}
		}
		return indices;
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static Map<String, Properties> bundles() {
		Map<String, Properties> bundles = new TreeMap<>();
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path file : files.toList()) {
				Matcher name = Pattern.compile("messages(?:_(\\w+))?\\.properties").matcher(file.getFileName().toString());
				if (name.matches()) {
					String tag = (name.group(1) != null) ? name.group(1).replace('_', '-') : "en";
					bundles.put(tag, load(file));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bundles;
	}

	/** As Spring reads them (spring.messages.encoding: UTF-8). */
	static Properties load(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static List<String> read(Path root, String suffix) throws IOException {
		List<String> texts = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(suffix)).toList()) {
				texts.add(Files.readString(file));
			}
		}
		return texts;
	}

}
