-- Follow-up (后续处置) tracking, the task report (抽查情况报告) and archives (一对象一档案).

-- A follow-up action is closed with its outcome (re-check result, case number, …).
ALTER TABLE inspection_actions ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE inspection_actions ADD COLUMN closed_by BIGINT;
ALTER TABLE inspection_actions ADD COLUMN closed_at TEXT NOT NULL DEFAULT '';
CREATE INDEX inspection_actions_status ON inspection_actions (status, deadline);

-- The report of a task (file 001 Art. 14): generated from the data, its text sections edited
-- until it is finalised; then it is fixed.
CREATE TABLE task_reports (
  task_id BIGINT PRIMARY KEY REFERENCES tasks(id),
  sections TEXT NOT NULL,                    -- JSON {key: text}: the editable parts
  status TEXT NOT NULL DEFAULT 'draft',      -- draft | final
  figures TEXT NOT NULL DEFAULT '',          -- JSON: the figures as finalised
  updated_by BIGINT,
  updated_at TEXT NOT NULL,
  finalized_by BIGINT,
  finalized_at TEXT NOT NULL DEFAULT ''
);

-- A target's archive (file 004 Art. 19) is produced once the result is published: the zip's
-- SHA-256 is kept, so a copy shown later can be checked against it.
ALTER TABLE inspections ADD COLUMN archived_at TEXT NOT NULL DEFAULT '';
ALTER TABLE inspections ADD COLUMN archive_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE inspections ADD COLUMN archived_by BIGINT;
