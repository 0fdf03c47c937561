package com.obconsole.engine;

import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;

/**
 * Whether an engine can switch full-link tracing on for one session (DBMS_MONITOR), and if not,
 * why, in a sentence for the dialog.
 *
 * @param supported whether the console offers it
 * @param why why not, as a sentence (codes {@code trace.unsupported.*}), or {@code null}
 * @param reason {@code why} said in the viewer's language ({@link #in}), or {@code null}
 */
public record TraceSupport(boolean supported, Sentence why, String reason) {

	private static final TraceSupport SUPPORTED = new TraceSupport(true, null, null);

	/** What a target supports, from the engine detected on connect; {@code null} if not reached yet. */
	public static TraceSupport of(EngineInfo engine) {
		return (engine != null) ? of(engine.server()) : unsupported(Sentence.of("trace.unsupported.notReached"));
	}

	/** What the engine supports: OceanBase 4.2.1 or later; seekdb before 1.4 (1.4 stubs DBMS_MONITOR). */
	public static TraceSupport of(ServerVersion server) {
		return switch (server.engine()) {
			case OCEANBASE -> server.isOceanBaseAtLeast("4.2.1") ? SUPPORTED
					: unsupported(Sentence.of("trace.unsupported.version", server.version()));
			case SEEKDB -> (server.version() != null && ServerVersion.compare(server.version(), "1.4") >= 0)
					? unsupported(Sentence.of("trace.unsupported.seekdb", server.version())) : SUPPORTED;
			case MYSQL, MARIADB -> unsupported(Sentence.of("trace.unsupported.engine", server.engine().displayName()));
		};
	}

	private static TraceSupport unsupported(Sentence why) {
		return new TraceSupport(false, why, null);
	}

	/** With the reason said in the language of the request being answered. */
	public TraceSupport in(Sentences sentences) {
		return (this.why != null) ? new TraceSupport(this.supported, this.why, sentences.say(this.why)) : this;
	}

}
