package com.obconsole.plan;

import java.time.Instant;

import com.obconsole.engine.SessionPlan;

/**
 * The plan of one session's running statement, read now.
 *
 * @param sessionId the session id, as text (an unsigned 64-bit number)
 * @param sqlId the SQL ID of the statement the session ran when read, or {@code null}
 * @param plan the plan, or why there is none
 * @param route where it was read: {@code TARGET}, {@code DIRECT ip:port}, or {@code NONE}
 * @param readAt when it was read
 */
public record PlanResult(String sessionId, String sqlId, SessionPlan plan, String route, Instant readAt) {
}
