package com.obconsole.localengine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher against the real seekdb binary from its wheel. */
class SeekdbServerTests {

	@Test
	void startsAnswersSqlAndStopsWithNoProcessLeft() throws Exception {
		long pid;
		Path baseDir;
		try (SeekdbServer server = SeekdbServer.startTemporary()) {
			pid = server.pid();
			baseDir = server.baseDir();
			try (Connection connection = server.connect();
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT @@version, 6 * 7")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).containsIgnoringCase("seekdb");
				assertThat(rs.getInt(2)).isEqualTo(42);
			}
			assertThat(ProcessHandle.of(pid)).isPresent();
		}
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		String base = baseDir.toString();
		assertThat(ProcessHandle.allProcesses()
			.filter((p) -> p.info().commandLine().orElse("").contains(base))
			.toList()).as("processes still running on %s", base).isEmpty();
		assertThat(Files.exists(baseDir)).as("temporary data directory removed").isFalse();
	}

	@Test
	void secondUseReusesTheCachedBinaryWithoutDownloading() throws IOException {
		SeekdbDistribution distribution = SeekdbDistribution.of(SeekdbRelease.standard());
		Path first = distribution.binary();
		FileTime unpackedAt = Files.getLastModifiedTime(first);
		int downloads = SeekdbDistribution.downloads();
		Path second = distribution.binary();
		assertThat(second).isEqualTo(first);
		assertThat(SeekdbDistribution.downloads()).isEqualTo(downloads);
		assertThat(Files.getLastModifiedTime(second)).isEqualTo(unpackedAt);
		assertThat(first.toString()).doesNotStartWith(Path.of("").toAbsolutePath().toString());
	}

}
