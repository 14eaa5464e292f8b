-- The deployment's policy profile (制度模板). The profiles themselves are shipped in
-- server/data/policy-profiles.json; the deployment stores which one it follows and the values an
-- administrator adjusted in it. Without a row the default profile (cq-joint) applies. A change
-- rewrites both tables; the audit log keeps what was there before.
CREATE TABLE policy_choice (
  id INTEGER PRIMARY KEY CHECK (id = 1),     -- one row: the deployment's choice
  profile_id TEXT NOT NULL,                  -- miit | cq-jxw | cq-joint | dazu | zibo-gxj
  reason TEXT NOT NULL DEFAULT '',           -- 调整依据 of the last change
  changed_by BIGINT,                         -- users.id
  changed_at TEXT NOT NULL
);

-- Adjusted values, each differing from the chosen profile's. value_json is the JSON value as
-- the API takes it: a number, true/false, "MM-DD", a code, or an array of codes.
CREATE TABLE policy_overrides (
  setting TEXT PRIMARY KEY,                  -- publish_days, yearly_cap …
  value_json TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',           -- 调整依据 when this value was set
  changed_by BIGINT,                         -- users.id
  changed_at TEXT NOT NULL
);
