package com.obconsole.localengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of the local engines as their own binaries state them, so that tests of the
 * console's version parsing compare against a source other than the parser.
 */
final class VersionProbe {

	private static final Pattern SEEKDB = Pattern.compile("seekdb \\(OceanBase seekdb (\\d+(?:\\.\\d+)+)\\)");

	private static final Pattern MARIADB = Pattern.compile("Ver (\\d+\\.\\d+\\.\\d+)-MariaDB");

	private VersionProbe() {
	}

	static String seekdb(SeekdbRelease release) {
		try {
			var binary = SeekdbDistribution.of(release).binary();
			ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true);
			builder.environment().put("LD_LIBRARY_PATH", binary.getParent().toString());
			return firstGroup(SEEKDB, run(builder), "seekdb --version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String mariadb() {
		try {
			var mariadbd = LocalEngines.mariadb().mariadbd();
			return firstGroup(MARIADB, run(new ProcessBuilder(mariadbd.toString(), "--version").redirectErrorStream(true)),
					"mariadbd --version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String run(ProcessBuilder builder) throws IOException {
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return out;
	}

	private static String firstGroup(Pattern pattern, String text, String what) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException(what + " printed no version: " + text);
		}
		return m.group(1);
	}

}
