package com.obconsole.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the session list reads and marks sessions.
 *
 * @param snapshotMaxAge how long one processlist read serves every viewer of a target and tenant;
 * the shortest auto-refresh interval, so that any number of viewers cost one read per refresh
 * @param longRunningThreshold an active session running longer than this stands out in the list
 */
@ConfigurationProperties("console.sessions")
@Validated
public record SessionProperties(@DefaultValue("2s") @NotNull Duration snapshotMaxAge,
		@DefaultValue("60s") @NotNull Duration longRunningThreshold) {
}
