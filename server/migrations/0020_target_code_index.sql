-- The unique (kind, code) of a target becomes a named index, targets_kind_code, instead of a
-- table constraint. A large import into a small directory then drops it and builds it again
-- after its rows: sorting a million codes once costs less than a million insertions at random
-- places in the index (see directory/import.cc). SQLite cannot drop a table constraint, so
-- there the table is rebuilt (its procedure: a new table, the rows copied, the old one dropped
-- with foreign keys off, the new one renamed); PostgreSQL drops the constraint.
-- @REBUILDS_TABLES@

@SQLITE@ CREATE TABLE targets_rebuilt (
  id INTEGER PRIMARY KEY,
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
  last_action TEXT NOT NULL DEFAULT 'create',
  updated_by BIGINT
);
@SQLITE@ INSERT INTO targets_rebuilt (id, kind, code, name, nature, division_code, address, phone,
  industry_section, industry_division, status, credit_class, department_id, extra, code_warning,
  version, created_by, created_at, updated_at, last_action, updated_by)
SELECT id, kind, code, name, nature, division_code, address, phone, industry_section,
  industry_division, status, credit_class, department_id, extra, code_warning, version,
  created_by, created_at, updated_at, last_action, updated_by
FROM targets ORDER BY id;
@SQLITE@ DROP TABLE targets;
@SQLITE@ ALTER TABLE targets_rebuilt RENAME TO targets;
@SQLITE@ CREATE INDEX targets_department ON targets (department_id, id);
@SQLITE@ CREATE INDEX targets_industry ON targets (industry_section, industry_division, id);
@SQLITE@ CREATE INDEX targets_rare_status ON targets (status, id)
  WHERE status NOT IN ('存续', '在业');
@SQLITE@ CREATE INDEX targets_division ON targets (division_code, id, credit_class, status);

@POSTGRES@ ALTER TABLE targets DROP CONSTRAINT targets_kind_code_key;

CREATE UNIQUE INDEX targets_kind_code ON targets (kind, code);
