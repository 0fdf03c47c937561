package com.obconsole.targets;

import java.time.Instant;

import com.obconsole.engine.EngineInfo;

/**
 * What the console knows of a target at one instant: reachable with its engine, or the error.
 *
 * @param name the target's name
 * @param address host:port from its URL
 * @param engine the detected engine; may be kept from an earlier check when the target is down now
 * @param reachable whether the last check connected
 * @param error why the last check failed, in a DBA's words; {@code null} when reachable
 * @param checkedAt when the check ran
 */
public record TargetStatus(String name, String address, EngineInfo engine, boolean reachable, String error,
		Instant checkedAt) {
}
