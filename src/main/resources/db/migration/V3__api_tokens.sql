-- API tokens: only the SHA-256 of a token is kept (hex), never the token. A revoked token keeps its
-- row, so the token list and the audit trail can still name it.
CREATE TABLE api_token (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  name          VARCHAR(64)  NOT NULL,
  owner         VARCHAR(128) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  token_sha256  CHAR(64)     NOT NULL,
  created_at    DATETIME(6)  NOT NULL,
  expires_at    DATETIME(6)  NOT NULL,
  last_used_at  DATETIME(6),
  revoked_at    DATETIME(6),
  PRIMARY KEY (id),
  UNIQUE (token_sha256)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX api_token_owner ON api_token (owner);

-- Creating and revoking a token is audited, and concerns no target.
ALTER TABLE audit_record MODIFY target VARCHAR(64) NULL;
