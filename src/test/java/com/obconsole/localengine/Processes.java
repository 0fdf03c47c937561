package com.obconsole.localengine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stops server processes cleanly (SIGTERM), then firmly, so that nothing is left behind. */
final class Processes {

	private Processes() {
	}

	static void stop(Process process, Duration grace) {
		List<ProcessHandle> children = process.descendants().toList();
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		for (ProcessHandle child : children) {
			child.destroyForcibly();
			CompletableFuture<ProcessHandle> exit = child.onExit();
			try {
				exit.get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// Best effort: a child that ignores SIGKILL for 10 s is beyond our reach.
			}
		}
	}

}
