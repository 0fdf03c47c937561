-- The audit trail: one row per action on a session. Plain types that H2 (MODE=MySQL) and MySQL,
-- MariaDB and OceanBase (MySQL mode) all read the same way. Times are UTC, to the microsecond.
-- utf8mb4 whatever the database's default: SQL text and messages hold any language (MariaDB's
-- default latin1 refuses Chinese).
CREATE TABLE audit_record (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  acted_at       DATETIME(6)  NOT NULL,
  actor          VARCHAR(128) NOT NULL,
  target         VARCHAR(64)  NOT NULL,
  tenant         VARCHAR(128),
  session_id     VARCHAR(64),
  observer       VARCHAR(128),
  db_user        VARCHAR(128),
  source         VARCHAR(255),
  database_name  VARCHAR(128),
  sql_id         VARCHAR(64),
  sql_text       LONGTEXT,
  action         VARCHAR(32)  NOT NULL,
  route          VARCHAR(255),
  outcome        VARCHAR(32)  NOT NULL,
  message        MEDIUMTEXT,
  detail         MEDIUMTEXT,
  PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX audit_record_acted_at ON audit_record (acted_at);
CREATE INDEX audit_record_actor ON audit_record (actor, acted_at);
CREATE INDEX audit_record_target ON audit_record (target, acted_at);
