package com.obconsole.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OCI tarball that {@code ./mvnw -Pimage package} writes with Jib, read as a registry would:
 * index, manifest, config and the console's own layers, so that the image is checked on machines
 * without Docker. Runs after package (failsafe); skipped, saying why, when no tarball was built in
 * this build (no -Pimage, or the base image could not be pulled).
 */
class ContainerImageIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Map<String, byte[]> files;

	static JsonNode config;

	static JsonNode manifest;

	/** Why there is no image to read, or {@code null}: each test says it when it skips. */
	static String missing;

	@BeforeAll
	static void readTarball() throws IOException {
		Path tar = Path.of(System.getProperty("console.image.tar", "target/jib-image.tar"));
		Path jar = Path.of(System.getProperty("console.jar", "target/none.jar"));
		if (!Files.isRegularFile(tar)) {
			missing = "No image tarball at " + tar + ": build it with ./mvnw -Pimage verify (Jib pulls the base"
					+ " image from its registry; where none is reachable, -Djib.from.image=scratch builds the"
					+ " console's own layers and configuration for this check, README)";
			return;
		}
		if (Files.isRegularFile(jar)
				&& Files.getLastModifiedTime(tar).toInstant().isBefore(Files.getLastModifiedTime(jar).toInstant())) {
			missing = tar + " is older than " + jar + ": not this build's image (build with -Pimage)";
			return;
		}
		files = entries(Files.newInputStream(tar));
		JsonNode index = json("index.json");
		manifest = json(blob(index.get("manifests").get(0).get("digest").asString()));
		config = json(blob(manifest.get("config").get("digest").asString()));
	}

	@BeforeEach
	void skipWithoutAnImage() {
		Assumptions.assumeTrue(missing == null, () -> missing);
	}

	@Test
	void isAnOciImageNamedWithItsVersion() {
		assertThat(files).containsKey("oci-layout");
		assertThat(manifest.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
		String version = System.getProperty("project.version");
		assertThat(json("index.json").get("manifests").get(0).at("/annotations/org.opencontainers.image.ref.name")
			.asString()).endsWith(":" + version);
		JsonNode labels = config.at("/config/Labels");
		assertThat(labels.get("org.opencontainers.image.version").asString()).isEqualTo(version);
		assertThat(labels.get("org.opencontainers.image.source").asString()).startsWith("https://");
	}

	@Test
	void runsTheConsoleAsANonRootUserOnPort8080WithMemoryFromTheContainerLimit() {
		String user = config.at("/config/User").asString();
		assertThat(user).isNotBlank().doesNotStartWith("0").doesNotStartWith("root");
		assertThat(user.split(":")[0]).containsOnlyDigits();
		List<String> entrypoint = new ArrayList<>();
		config.at("/config/Entrypoint").forEach((part) -> entrypoint.add(part.asString()));
		assertThat(entrypoint).startsWith("java").contains("-XX:MaxRAMPercentage=75")
			.endsWith("com.obconsole.SessionConsoleApplication");
		assertThat(entrypoint).noneMatch((part) -> part.startsWith("-Xmx"));
		assertThat(config.at("/config/ExposedPorts").has("8080/tcp")).isTrue();
	}

	@Test
	void readsConfigFromSlashConfigAndKeepsItsH2StoreOnTheDataVolume() throws IOException {
		List<String> env = new ArrayList<>();
		config.at("/config/Env").forEach((e) -> env.add(e.asString()));
		assertThat(env).contains("SPRING_CONFIG_ADDITIONAL_LOCATION=optional:file:/config/")
			.anyMatch((e) -> e.startsWith("SPRING_DATASOURCE_URL=jdbc:h2:file:/data/"));
		assertThat(config.at("/config/Volumes").has("/data")).isTrue();
		Map<String, TarArchiveEntry> layered = layerEntries();
		assertThat(layered).containsKey("data/").containsKey("config/");
		// Writable by the console's user whatever uid it is given (the image holds no chown).
		assertThat(layered.get("data/").getMode() & 0777).isEqualTo(0777);
		assertThat(layered).containsKey("app/classes/com/obconsole/SessionConsoleApplication.class");
		assertThat(layered.keySet()).anyMatch((name) -> name.startsWith("app/libs/spring-boot-"));
	}

	/** Every file of the layers the manifest names (the base's too, where there is one). */
	private static Map<String, TarArchiveEntry> layerEntries() throws IOException {
		Map<String, TarArchiveEntry> all = new HashMap<>();
		for (JsonNode layer : manifest.get("layers")) {
			byte[] blob = files.get(blob(layer.get("digest").asString()));
			try (TarArchiveInputStream in = new TarArchiveInputStream(
					new GZIPInputStream(new ByteArrayInputStream(blob)))) {
				TarArchiveEntry entry;
				while ((entry = in.getNextEntry()) != null) {
					all.put(entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""), entry);
				}
			}
		}
		return all;
	}

	private static Map<String, byte[]> entries(InputStream raw) throws IOException {
		Map<String, byte[]> read = new HashMap<>();
		try (TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
			TarArchiveEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.isFile()) {
					read.put(entry.getName(), in.readAllBytes());
				}
			}
		}
		return read;
	}

	private static String blob(String digest) {
		return "blobs/" + digest.replace(':', '/');
	}

	private static JsonNode json(String name) {
		byte[] bytes = files.get(name);
		assertThat(bytes).as(name + " in the tarball").isNotNull();
		return JSON.readTree(bytes);
	}

}
