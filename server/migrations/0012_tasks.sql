-- Inspection tasks (抽查任务) and their draws. A task is edited as a draft; committing it freezes
-- its pool (task_pool, with every excluded target and its reason in task_exclusions), reserves
-- its inspectors' capacity (task_capacity) and stores the engine request without the secret.
-- Only the commitment H(secret) is kept: the secret is shown once to the department, which
-- reveals it at the ceremony. The draw stores the record exactly as `ssj verify` reads it, and
-- the drawn targets and teams as rows, so later draws count them (yearly cap, other offices,
-- inspector capacity).

CREATE TABLE tasks (
  id @ID@,
  code TEXT NOT NULL UNIQUE,                 -- the record's task_id: T2026-00012
  plan_id BIGINT REFERENCES plans(id),
  year INTEGER NOT NULL,
  name TEXT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments(id),  -- 发起部门
  start_date TEXT NOT NULL,                  -- the inspection window
  end_date TEXT NOT NULL,
  scope TEXT NOT NULL,                       -- JSON: kind, division, industry, status, tag
  strata TEXT NOT NULL,                      -- JSON: [{id, ratio (percent) | count}]
  raise_tags TEXT NOT NULL DEFAULT '[]',     -- JSON: tags that count one class higher
  team_size INTEGER NOT NULL,
  region_rule TEXT NOT NULL,                 -- same_region | any
  inspector_capacity INTEGER NOT NULL,
  lead_specialty TEXT NOT NULL DEFAULT '',
  notify INTEGER NOT NULL DEFAULT 1,         -- 告知 allowed: no item forbids advance notice
  status TEXT NOT NULL DEFAULT 'draft',      -- draft | committed | drawn | confirmed | inspecting | void
  scheduled_at TEXT NOT NULL DEFAULT '',     -- the ceremony, announced with the commitment
  pool_digest TEXT NOT NULL DEFAULT '',
  commitment TEXT NOT NULL DEFAULT '',
  request TEXT NOT NULL DEFAULT '',          -- engine request JSON: no targets, secret or public input
  pool_counts TEXT NOT NULL DEFAULT '',      -- JSON {stratum: n}
  excluded_counts TEXT NOT NULL DEFAULT '',  -- JSON {reason: n}
  committed_by BIGINT,
  committed_at TEXT NOT NULL DEFAULT '',
  public_input TEXT NOT NULL DEFAULT '',     -- JSON, as entered at the ceremony
  record TEXT NOT NULL DEFAULT '',           -- the draw record (docs/draw-protocol.md §10)
  drawn_by BIGINT,
  drawn_at TEXT NOT NULL DEFAULT '',
  confirmed_by BIGINT,
  confirmed_at TEXT NOT NULL DEFAULT '',
  void_reason TEXT NOT NULL DEFAULT '',
  voided_at TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  updated_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX tasks_department ON tasks (department_id, id);
CREATE INDEX tasks_year ON tasks (year, status);

CREATE TABLE task_items (
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  item_id BIGINT NOT NULL REFERENCES catalog_items(id),
  item_version INTEGER NOT NULL,             -- the published version the task was checked against
  PRIMARY KEY (task_id, item_id)
);
CREATE INDEX task_items_item ON task_items (item_id, task_id);

-- The participating departments of a joint task (not the initiating one).
CREATE TABLE task_departments (
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments(id),
  specialty TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (task_id, department_id)
);

-- The frozen pool, in the engine's canonical order (stratum, code).
CREATE TABLE task_pool (
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  stratum TEXT NOT NULL,
  code TEXT NOT NULL,
  region TEXT NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (task_id, stratum, code)
);

CREATE TABLE task_exclusions (
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  target_id BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  reason TEXT NOT NULL,                      -- status | not_supervised | exempt | yearly_cap | other_office
  detail TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (task_id, target_id)
);
CREATE INDEX task_exclusions_reason ON task_exclusions (task_id, reason, target_id);

-- The capacity a committed task holds of each inspector until it is drawn; after the draw, its
-- actual load. Two tasks whose windows overlap never hold more than an inspector's capacity.
CREATE TABLE task_capacity (
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id),
  capacity INTEGER NOT NULL,
  PRIMARY KEY (task_id, inspector_id)
);
CREATE INDEX task_capacity_inspector ON task_capacity (inspector_id, task_id);

-- The drawn targets (selected, in ticket order) and their teams.
CREATE TABLE task_targets (
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  target_id BIGINT NOT NULL,
  position INTEGER NOT NULL,                 -- target order (ticket ascending), from 1
  stratum TEXT NOT NULL,
  code TEXT NOT NULL,
  ticket TEXT NOT NULL,
  PRIMARY KEY (task_id, target_id)
);
CREATE INDEX task_targets_target ON task_targets (target_id, task_id);

CREATE TABLE task_team (
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  target_id BIGINT NOT NULL,
  slot INTEGER NOT NULL,
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id),
  PRIMARY KEY (task_id, target_id, slot)
);
CREATE INDEX task_team_inspector ON task_team (inspector_id, task_id);

-- Witnesses of the ceremony (见证人): name, unit and role, recorded before the draw.
CREATE TABLE task_witnesses (
  id @ID@,
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  role TEXT NOT NULL,                        -- 监督人 | 企业代表 | 群众代表 | 法律顾问 | 其他
  created_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX task_witnesses_task ON task_witnesses (task_id, id);

-- One row, locked by every commit and draw: they read and write the counts other tasks depend
-- on (capacity, yearly cap), so they run one at a time on both databases.
CREATE TABLE draw_lock (
  id INTEGER PRIMARY KEY,
  n BIGINT NOT NULL
);
INSERT INTO draw_lock (id, n) VALUES (1, 0);
