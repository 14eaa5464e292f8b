-- Annual plans (年度抽查工作计划, DB50/T appendix D.1 with Chongqing's columns). `plans` holds each
-- plan's newest version, which may be a draft of an adjustment (调整) while an earlier version is
-- the public one; `plan_rows` are that version's rows, one per item; `plan_versions` keeps every
-- version as JSON with its state, so the portal reads the published version from there and the
-- history stays visible; `plan_approvals` records every submission's decision.

CREATE TABLE plans (
  id @ID@,
  year INTEGER NOT NULL,                     -- 计划年度
  name TEXT NOT NULL,                        -- 计划名称
  department_id BIGINT NOT NULL REFERENCES departments(id),  -- 发起部门
  status TEXT NOT NULL DEFAULT 'draft',      -- draft | submitted | approved | published (newest version)
  version INTEGER NOT NULL DEFAULT 1,        -- the newest version (this row)
  published_version INTEGER,                 -- the public one; NULL until first published
  first_published_at TEXT NOT NULL DEFAULT '',  -- for the publish-by deadline (policy plan_publish_by)
  submitted_by BIGINT,                       -- users.id of the pending submission
  submitted_at TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  updated_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (department_id, year, name)
);
CREATE INDEX plans_year ON plans (year, department_id);

-- The rows of the newest version: one per item (抽查事项), in entry order.
CREATE TABLE plan_rows (
  plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,                 -- 序号, from 1
  item_id BIGINT NOT NULL REFERENCES catalog_items(id),
  item_version INTEGER NOT NULL,             -- the item's published version the row was checked against
  target_scope TEXT NOT NULL DEFAULT '',     -- 抽查对象范围
  category TEXT NOT NULL,                    -- 抽查类别: 重点 | 一般
  start_date TEXT NOT NULL,                  -- 抽查时间, YYYY-MM-DD, inside the plan year
  end_date TEXT NOT NULL,
  ratio TEXT NOT NULL DEFAULT '',            -- 抽查比例 in percent ("2.5"); '' when by count
  target_count INTEGER NOT NULL DEFAULT 0,   -- 抽取对象数量（户）; 0 when by ratio
  cooperating_ids TEXT NOT NULL DEFAULT '',  -- 配合部门: departments.id, comma-joined, ascending
  PRIMARY KEY (plan_id, position),
  UNIQUE (plan_id, item_id)
);
CREATE INDEX plan_rows_item ON plan_rows (item_id);

-- Every version, the newest included. A draft is edited in place until it is published; an
-- adjustment of a published plan starts the next version, and the published one becomes
-- superseded only when that version is published.
CREATE TABLE plan_versions (
  id @ID@,
  plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,                      -- draft | submitted | approved | published | superseded
  data TEXT NOT NULL,                        -- the plan and its rows as JSON
  adjust_reason TEXT NOT NULL DEFAULT '',    -- 调整原因, for a version after the first
  changed_by BIGINT,
  changed_at TEXT NOT NULL,
  published_by BIGINT,
  published_at TEXT NOT NULL DEFAULT '',
  UNIQUE (plan_id, version)
);
CREATE INDEX plan_versions_status ON plan_versions (status, plan_id);

-- Decisions on submissions: who submitted, who decided, when, and why.
CREATE TABLE plan_approvals (
  id @ID@,
  plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  submitted_by BIGINT NOT NULL,              -- users.id
  submitted_at TEXT NOT NULL,
  decided_by BIGINT NOT NULL,                -- users.id; never the submitter
  decided_at TEXT NOT NULL,
  decision TEXT NOT NULL,                    -- approved | rejected
  reason TEXT NOT NULL DEFAULT ''            -- 审批意见; required when rejected
);
CREATE INDEX plan_approvals_plan ON plan_approvals (plan_id, id);
