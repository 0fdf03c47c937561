package com.obconsole.engine;

/**
 * Whether an engine can switch full-link tracing on for one session (DBMS_MONITOR), and if not,
 * why, in a sentence for the dialog.
 *
 * @param supported whether the console offers it
 * @param reason why not, or {@code null}
 */
public record TraceSupport(boolean supported, String reason) {

	/** What a target supports, from the engine detected on connect; {@code null} if not reached yet. */
	public static TraceSupport of(EngineInfo engine) {
		return (engine != null) ? of(engine.server()) : new TraceSupport(false, "The target has not been reached yet.");
	}

	/** What the engine supports: OceanBase 4.2.1 or later; seekdb before 1.4 (1.4 stubs DBMS_MONITOR). */
	public static TraceSupport of(ServerVersion server) {
		return switch (server.engine()) {
			case OCEANBASE -> server.isOceanBaseAtLeast("4.2.1") ? new TraceSupport(true, null)
					: new TraceSupport(false, "Session tracing (DBMS_MONITOR) needs OceanBase 4.2.1 or later; this target runs "
							+ server.version() + ".");
			case SEEKDB -> (server.version() != null && ServerVersion.compare(server.version(), "1.4") >= 0)
					? new TraceSupport(false, "seekdb " + server.version()
							+ " answers DBMS_MONITOR with error 1235 'DBMS monitor trace is not supported'.")
					: new TraceSupport(true, null);
			case MYSQL, MARIADB -> new TraceSupport(false,
					server.engine().displayName() + " has no full-link tracing; it is an OceanBase feature.");
		};
	}

}
