-- Write-ahead audit: an action is recorded as an intent (outcome UNKNOWN) before the console acts,
-- and its outcome as a second row that points at the intent. Rows are only ever added, never
-- changed, so a console that dies between the two leaves the intent standing as "outcome unknown".
ALTER TABLE audit_record ADD COLUMN intent_id BIGINT;

CREATE INDEX audit_record_intent ON audit_record (intent_id);
