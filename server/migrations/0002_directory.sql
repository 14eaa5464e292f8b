-- The target directory (检查对象名录库, DB50/T appendix B): organisations and persons (B.1),
-- places (B.2) and products (B.3) in one table keyed by (kind, code); the columns every kind
-- shares are real columns (they are searched), the kind's own appendix columns are JSON in
-- `extra`. Every version of a row is kept in target_history.

CREATE TABLE targets (
  id @ID@,
  kind TEXT NOT NULL,                 -- entity | place | product
  code TEXT NOT NULL,                 -- USCC, resident ID number, place code or licence number
  name TEXT NOT NULL,
  nature TEXT NOT NULL,               -- 行政相对人性质: 企业, 个体工商户, 自然人, …
  division_code TEXT NOT NULL,        -- GB/T 2260, county level
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  industry_section TEXT NOT NULL DEFAULT '',   -- GB/T 4754 门类 A–T
  industry_division TEXT NOT NULL DEFAULT '',  -- 大类 01–97
  status TEXT NOT NULL DEFAULT '存续',
  credit_class TEXT NOT NULL DEFAULT '',       -- A–D; empty: not yet classified
  department_id BIGINT NOT NULL REFERENCES departments(id),  -- the supervising department
  extra TEXT NOT NULL DEFAULT '{}',
  code_warning TEXT NOT NULL DEFAULT '',       -- e.g. an early USCC whose check character differs
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (kind, code)
);
-- Searches filter by scope (department), then by division range, class, status or industry, and
-- page by id; each index starts with the filter and ends with id.
CREATE INDEX targets_division ON targets (division_code, id);
CREATE INDEX targets_department ON targets (department_id, id);
CREATE INDEX targets_class ON targets (credit_class, id);
CREATE INDEX targets_status ON targets (status, id);
CREATE INDEX targets_industry ON targets (industry_section, industry_division, id);
CREATE INDEX targets_name ON targets (name);
CREATE INDEX targets_code ON targets (code);

CREATE TABLE target_tags (
  target_id BIGINT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (target_id, tag)
);
CREATE INDEX target_tags_tag ON target_tags (tag, target_id);

CREATE TABLE target_history (
  id @ID@,
  target_id BIGINT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  action TEXT NOT NULL,               -- create | update | import
  data TEXT NOT NULL,                 -- the row as JSON after the change
  changed_by BIGINT,
  changed_at TEXT NOT NULL,
  UNIQUE (target_id, version)
);
