-- Requests anyone may send without logging in (a firm filing an objection) are counted per
-- client address in fixed windows: one row per (scope, client), restarted when its window is
-- over. A scope's rows whose window is over are deleted as that scope's requests come (each
-- scope has its own window length).
CREATE TABLE rate_limits (
  scope TEXT NOT NULL,
  client TEXT NOT NULL,
  window_start_ms BIGINT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (scope, client)
);
CREATE INDEX rate_limits_window ON rate_limits (scope, window_start_ms);
