-- Publication (一公开): reviewed inspection records become public results. A published result
-- never changes in place: a correction (head approval, a reason) adds the next version and the
-- portal shows that, when and why it was corrected. Firms object within the profile's window,
-- identifying themselves by USCC and the verification code printed on their notice.

-- The code on the inspection notice (检查通知书) with which the firm identifies itself.
ALTER TABLE inspections ADD COLUMN verify_code TEXT NOT NULL DEFAULT '';

CREATE TABLE results (
  id @ID@,
  inspection_id BIGINT NOT NULL REFERENCES inspections(id),
  version INTEGER NOT NULL,
  current INTEGER NOT NULL DEFAULT 1,         -- 1: the version in force
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  target_id BIGINT NOT NULL REFERENCES targets(id),
  target_code TEXT NOT NULL,                  -- masked for natural persons
  target_name TEXT NOT NULL,                  -- masked for natural persons
  department_id BIGINT NOT NULL REFERENCES departments(id),
  inspected_on TEXT NOT NULL,                 -- YYYY-MM-DD
  summary TEXT NOT NULL,                      -- the result categories, 、-joined
  problem INTEGER NOT NULL DEFAULT 0,         -- some category says a problem was found
  content TEXT NOT NULL,                      -- JSON: items, handling, actions (no personal data)
  reason TEXT NOT NULL DEFAULT '',            -- why this version corrects the previous one
  published_by BIGINT,
  published_at TEXT NOT NULL,
  UNIQUE (inspection_id, version)
);
-- A code search filters and orders by this index alone (the planners would otherwise walk
-- results_current in published order, reading every result).
CREATE INDEX results_code ON results (target_code, current, published_at);
CREATE INDEX results_current ON results (current, published_at);
CREATE INDEX results_task ON results (task_id, current);
-- A name search walks the directory's name index (target_name_grams) to the results.
CREATE INDEX results_target ON results (target_id, current);

-- A correction of a published result: asked with a reason, decided by the head (not the asker).
CREATE TABLE result_corrections (
  id @ID@,
  inspection_id BIGINT NOT NULL REFERENCES inspections(id),
  result_id BIGINT NOT NULL REFERENCES results(id),   -- the version it corrects
  objection_id BIGINT,                                -- when an objection led to it
  reason TEXT NOT NULL,
  items TEXT NOT NULL,                                -- JSON: [{item_id, result_codes, findings, handling}]
  status TEXT NOT NULL DEFAULT 'pending',             -- pending | approved | rejected
  requested_by BIGINT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by BIGINT,
  decided_at TEXT NOT NULL DEFAULT '',
  decision_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX result_corrections_status ON result_corrections (status, id);

-- 异议 (file 004 Art. 16): filed within the window, reviewed within its days, the firm told
-- within its days of the decision.
CREATE TABLE objections (
  id @ID@,
  result_id BIGINT NOT NULL REFERENCES results(id),
  inspection_id BIGINT NOT NULL REFERENCES inspections(id),
  contact_name TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  content TEXT NOT NULL,
  filed_at TEXT NOT NULL,
  review_due TEXT NOT NULL,                   -- YYYY-MM-DD
  status TEXT NOT NULL DEFAULT 'pending',     -- pending | upheld (维持) | corrected (更正)
  decision_reason TEXT NOT NULL DEFAULT '',
  decided_by BIGINT,
  decided_at TEXT NOT NULL DEFAULT '',
  notify_due TEXT NOT NULL DEFAULT '',
  notified_at TEXT NOT NULL DEFAULT '',
  notified_by BIGINT,
  notify_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX objections_status ON objections (status, review_due);
