package com.obconsole.token;

/**
 * {@code POST /api/tokens}.
 *
 * @param name a name of its owner's choice, e.g. "nightly-report"
 * @param role VIEWER, OPERATOR, ADMIN or METRICS, one its owner holds
 * @param expiresInDays 1 to 366; 90 if not given
 * @param owner whom it acts for; the caller if not given (only an admin names another user)
 */
record NewTokenJson(String name, String role, Integer expiresInDays, String owner) {
}
