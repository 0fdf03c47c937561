package com.obconsole.localengine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The seekdb server binary, taken from seekdb's PyPI wheel and cached outside the repository.
 * The wheel is fetched with the machine's own pip (so pip's index and proxy settings apply), and
 * only its server binary and the libaio it links against are kept.
 */
public final class SeekdbDistribution {

	/** The pinned wheel: 1.4.0.dev2 is the newest seekdb on PyPI whose wheel ships the server binary. */
	public static final String DEFAULT_VERSION = "1.4.0.dev2";

	private static final List<String> KEPT = List.of("seekdb/seekdb", "seekdb/libaio.so.1");

	private static final AtomicInteger downloads = new AtomicInteger();

	private final String version;

	private final Path cacheRoot;

	public SeekdbDistribution(String version, Path cacheRoot) {
		this.version = version;
		this.cacheRoot = cacheRoot;
	}

	/** The default: version from {@code SEEKDB_VERSION}, cache under {@code ~/.cache/ob-session-console/seekdb}. */
	public static SeekdbDistribution standard() {
		String version = env("SEEKDB_VERSION", DEFAULT_VERSION);
		String cache = env("SEEKDB_CACHE",
				Path.of(System.getProperty("user.home"), ".cache", "ob-session-console", "seekdb").toString());
		return new SeekdbDistribution(version, Path.of(cache));
	}

	/** How many wheels this JVM has downloaded, so tests can see the cache at work. */
	public static int downloads() {
		return downloads.get();
	}

	/** The cached server binary, downloading and unpacking the wheel first if needed. */
	public synchronized Path binary() throws IOException {
		Path home = this.cacheRoot.resolve(this.version);
		Path binary = home.resolve("seekdb");
		if (Files.isExecutable(binary) && Files.isRegularFile(home.resolve("libaio.so.1"))) {
			return binary;
		}
		Files.createDirectories(this.cacheRoot);
		Path work = Files.createTempDirectory(this.cacheRoot, "download-");
		try {
			Path wheel = download(work);
			Path unpacked = work.resolve("unpacked");
			unpack(wheel, unpacked);
			unpacked.resolve("seekdb").toFile().setExecutable(true);
			if (Files.exists(home)) {
				deleteTree(home);
			}
			Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
			return binary;
		}
		finally {
			deleteTree(work);
		}
	}

	private Path download(Path dir) throws IOException {
		downloads.incrementAndGet();
		String python = env("SEEKDB_PYTHON", "python3");
		// The wheel's server binary does not depend on the Python version; ask for the cp311
		// manylinux wheel whatever Python runs pip.
		List<String> command = List.of(python, "-m", "pip", "download", "--quiet", "--no-deps",
				"--only-binary=:all:", "--python-version", "3.11", "--implementation", "cp", "--platform",
				"manylinux_2_28_x86_64", "--dest", dir.toString(), "seekdb==" + this.version);
		Process pip = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("pip.log").toFile())
			.start();
		try {
			if (!pip.waitFor(10, TimeUnit.MINUTES)) {
				pip.destroyForcibly();
				throw new IOException("pip did not finish downloading seekdb " + this.version + " in 10 minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			pip.destroyForcibly();
			throw new IOException("interrupted while downloading seekdb", ex);
		}
		if (pip.exitValue() != 0) {
			throw new IOException("'" + String.join(" ", command) + "' failed (exit " + pip.exitValue() + "): "
					+ Files.readString(dir.resolve("pip.log")).strip()
					+ "\nseekdb needs Python 3 with pip (apt-get install python3-pip).");
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".whl"))
				.findFirst()
				.orElseThrow(() -> new IOException("pip downloaded no seekdb wheel into " + dir));
		}
	}

	private static void unpack(Path wheel, Path into) throws IOException {
		Files.createDirectories(into);
		int found = 0;
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(wheel))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (KEPT.contains(entry.getName())) {
					Path target = into.resolve(entry.getName().substring("seekdb/".length()));
					copy(zip, target);
					found++;
				}
			}
		}
		if (found != KEPT.size()) {
			throw new IOException("the seekdb wheel " + wheel.getFileName() + " lacks " + KEPT
					+ ": this wheel does not ship the server binary");
		}
	}

	private static void copy(InputStream in, Path target) throws IOException {
		Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
