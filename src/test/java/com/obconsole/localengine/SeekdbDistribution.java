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

	private static final AtomicInteger downloads = new AtomicInteger();

	private final SeekdbRelease release;

	private final Path cacheRoot;

	public SeekdbDistribution(SeekdbRelease release, Path cacheRoot) {
		this.release = release;
		this.cacheRoot = cacheRoot;
	}

	/** A release cached under {@code SEEKDB_CACHE}, by default {@code ~/.cache/ob-session-console/seekdb}. */
	public static SeekdbDistribution of(SeekdbRelease release) {
		String cache = env("SEEKDB_CACHE",
				Path.of(System.getProperty("user.home"), ".cache", "ob-session-console", "seekdb").toString());
		return new SeekdbDistribution(release, Path.of(cache));
	}

	public SeekdbRelease release() {
		return this.release;
	}

	/** How many wheels this JVM has downloaded, so tests can see the cache at work. */
	public static int downloads() {
		return downloads.get();
	}

	/** The cached server binary, downloading and unpacking the wheel first if needed. */
	public synchronized Path binary() throws IOException {
		Path home = this.cacheRoot.resolve(this.release.pythonPackage() + "-" + this.release.version());
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
				"manylinux_2_28_x86_64", "--dest", dir.toString(), this.release.requirement());
		Process pip = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("pip.log").toFile())
			.start();
		try {
			if (!pip.waitFor(10, TimeUnit.MINUTES)) {
				pip.destroyForcibly();
				throw new IOException("pip did not finish downloading " + this.release.requirement() + " in 10 minutes");
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
					+ "\nThe local seekdb needs Python 3 with pip (apt-get install python3-pip).");
		}
		Path wheel;
		try (Stream<Path> files = Files.list(dir)) {
			wheel = files.filter((f) -> f.getFileName().toString().endsWith(".whl"))
				.findFirst()
				.orElseThrow(() -> new IOException("pip downloaded no seekdb wheel into " + dir));
		}
		// The size as downloaded, not a figure from memory (it changes from release to release).
		System.out.printf("Downloaded %s (%.0f MB); keeping only its server binary%n", wheel.getFileName(),
				Files.size(wheel) / 1e6);
		return wheel;
	}

	private void unpack(Path wheel, Path into) throws IOException {
		Files.createDirectories(into);
		String folder = this.release.pythonPackage() + "/";
		List<String> kept = List.of(folder + "seekdb", folder + "libaio.so.1");
		int found = 0;
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(wheel))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (kept.contains(entry.getName())) {
					copy(zip, into.resolve(entry.getName().substring(folder.length())));
					found++;
				}
			}
		}
		if (found != kept.size()) {
			throw new IOException("the wheel " + wheel.getFileName() + " lacks " + kept
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
