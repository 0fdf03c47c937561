-- Failed sign-ins and the locks they caused, shared by every console instance, so that five
-- failures spread over two instances lock as five on one do. Times are epoch milliseconds (the
-- instances' clocks, no time zone to agree on). A failure is a row of its own: counting the rows
-- in the window is the same sliding window one instance kept in memory, and concurrent failures
-- on two instances are two inserts, never a lost update.
CREATE TABLE sign_in_failure (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  failure_key VARCHAR(200) NOT NULL,
  failed_at   BIGINT       NOT NULL,
  PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX sign_in_failure_key ON sign_in_failure (failure_key, failed_at);
CREATE INDEX sign_in_failure_time ON sign_in_failure (failed_at);

CREATE TABLE sign_in_lock (
  failure_key  VARCHAR(200) NOT NULL,
  locked_until BIGINT       NOT NULL,
  PRIMARY KEY (failure_key)
) DEFAULT CHARSET=utf8mb4;
