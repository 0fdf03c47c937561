package com.obconsole.session;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param maxBatch the most sessions one close may act on: enough for an incident (a group of one SQL ID
 * larger than this is offered its first sessions), not a typo's worth of damage
 */
@ConfigurationProperties("console.sessions")
@Validated
public record SessionProperties(@DefaultValue("2s") @NotNull Duration snapshotMaxAge,
		@DefaultValue("60s") @NotNull Duration longRunningThreshold,
		@DefaultValue("200") @Min(1) @Max(10_000) int maxBatch) {
}
