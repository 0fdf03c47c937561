-- A record's message as a code and its arguments beside its English text, so that the audit trail
-- reads in the reader's language (issue 16). Rows written before keep their English message and
-- no code; nothing is rewritten. Arguments are a JSON array: text, or {"code", "arguments"} for a
-- sentence within the sentence.
ALTER TABLE audit_record ADD COLUMN message_code VARCHAR(128);

ALTER TABLE audit_record ADD COLUMN message_args MEDIUMTEXT;
