-- A record's detail as a code and its arguments beside its English text, as V4 did for the message,
-- so that a tracing change's old and new settings read in the reader's language (issue 16). Details
-- that are data (a token's name and id) and rows written before keep text only; nothing is rewritten.
ALTER TABLE audit_record ADD COLUMN detail_code VARCHAR(128);

ALTER TABLE audit_record ADD COLUMN detail_args MEDIUMTEXT;
