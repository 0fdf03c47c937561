package com.obconsole.engine;

/**
 * One transaction of a deadlock cycle, as the engine recorded it.
 *
 * @param sessionId the session, where the engine names it (OceanBase's newer VISITOR, InnoDB's thread
 * id), else {@code null}
 * @param transaction the transaction id as the engine writes it
 * @param sql the statement the engine kept (OceanBase cuts it to 128 characters), or {@code null}
 * @param object the row (OceanBase: the row key) or index and table (InnoDB) it waited for, or {@code null}
 * @param rolledBack whether the engine chose this transaction to roll back
 * @param role the engine's word for the member (OceanBase ROLE: victim or witness), or {@code null}
 * @param priority OceanBase PRIORITY_LEVEL and PRIORITY as given, or {@code null}
 */
public record DeadlockMember(Long sessionId, String transaction, String sql, String object, boolean rolledBack,
		String role, String priority) {
}
