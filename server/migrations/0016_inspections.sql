-- Inspection records (检查记录, 表 F.1 of DB50 file 003): one per drawn target of a task, filled by
-- that target's team on a phone, submitted by its leader, reviewed by the office.

-- Result categories (抽查检查结果), seeded from data/inspection-results.json (scheme2017, with its
-- hierarchy; wording as the issue and file 003 write it where the file lists variants).
-- `problem`: a problem was found (problem rates). `uninspectable`: the team could not inspect
-- (file 004 Art. 17), so the record completes with evidence instead of items.
CREATE TABLE result_categories (
  code TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  parent TEXT REFERENCES result_categories(code),
  sort INTEGER NOT NULL,
  problem INTEGER NOT NULL DEFAULT 0,
  uninspectable INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO result_categories (code, text, parent, sort, problem, uninspectable) VALUES
  ('1', '未发现问题', NULL, 10, 0, 0),
  ('A', '发现问题待后续处理', NULL, 20, 1, 0),
  ('2', '违反工商行政管理相关规定', 'A', 30, 1, 0),
  ('B', '未按规定公示应当公示的信息', '2', 40, 1, 0),
  ('C', '公示信息隐瞒真实情况弄虚作假', '2', 50, 1, 0),
  ('6', '通过登记的住所（经营场所）无法联系', '2', 60, 1, 1),
  ('D', '违反其他工商行政管理规定行为', '2', 70, 1, 0),
  ('3', '违反食品药品管理相关规定', 'A', 80, 1, 0),
  ('4', '违反质量技术监督相关规定', 'A', 90, 1, 0),
  ('G', '违反公安部门相关规定', 'A', 100, 1, 0),
  ('5', '违反其他部门相关规定', 'A', 110, 1, 0),
  ('E', '发现问题已责令改正', NULL, 120, 1, 0),
  ('F', '未发现开展本次抽查涉及的经营活动', NULL, 130, 0, 0),
  ('7', '已关闭停业或正在组织清算', NULL, 140, 0, 1),
  ('8', '不配合检查情节严重', NULL, 150, 1, 1),
  ('9', '注销', NULL, 160, 0, 1),
  ('10', '被吊销', NULL, 170, 0, 1),
  ('11', '被撤销', NULL, 180, 0, 1),
  ('12', '迁出', NULL, 190, 0, 1);

CREATE TABLE inspections (
  id @ID@,
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  target_id BIGINT NOT NULL REFERENCES targets(id),
  status TEXT NOT NULL DEFAULT 'pending',    -- pending | submitted | returned | reviewed | published
  -- 表 F.1 header, taken from the directory when the record opens; the team corrects it on site.
  subject_name TEXT NOT NULL DEFAULT '',
  uscc TEXT NOT NULL DEFAULT '',
  district TEXT NOT NULL DEFAULT '',
  licence_no TEXT NOT NULL DEFAULT '',
  legal_rep TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  -- The firm signs (an image attachment) or refuses, with a reason and a witness.
  firm_state TEXT NOT NULL DEFAULT 'none',   -- none | signed | refused
  firm_signer TEXT NOT NULL DEFAULT '',
  firm_signature_id BIGINT,
  firm_at TEXT NOT NULL DEFAULT '',
  refusal_reason TEXT NOT NULL DEFAULT '',
  refusal_witness TEXT NOT NULL DEFAULT '',
  -- When the target could not be inspected (file 004 Art. 17): an uninspectable category.
  uninspectable TEXT REFERENCES result_categories(code),
  uninspectable_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,        -- bumped by every change
  submitted_by BIGINT,
  submitted_at TEXT NOT NULL DEFAULT '',
  reviewed_by BIGINT,
  reviewed_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_by BIGINT,
  updated_at TEXT NOT NULL,
  UNIQUE (task_id, target_id)
);
CREATE INDEX inspections_status ON inspections (status, task_id);
CREATE INDEX inspections_target ON inspections (target_id);

-- One row per task item: recorded by the department the item belongs to.
CREATE TABLE inspection_items (
  inspection_id BIGINT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  item_id BIGINT NOT NULL REFERENCES catalog_items(id),
  position INTEGER NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments(id),
  method TEXT NOT NULL DEFAULT '',
  checked TEXT NOT NULL DEFAULT '',           -- 检查内容
  findings TEXT NOT NULL DEFAULT '',          -- 发现的问题
  result_codes TEXT NOT NULL DEFAULT '',      -- comma-separated result_categories codes
  handling TEXT NOT NULL DEFAULT '',          -- 处理情况
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (inspection_id, item_id)
);

-- 后续处置: rectification with a deadline, case transfer, notices to other departments, ….
CREATE TABLE inspection_actions (
  id @ID@,
  inspection_id BIGINT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,                    -- the phone's id for the request: retries add nothing
  kind TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  deadline TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',        -- open | closed (follow-up tracking)
  created_by BIGINT,
  created_at TEXT NOT NULL,
  UNIQUE (inspection_id, client_id)
);

-- Each team member confirms the content; any later edit clears the confirmations.
CREATE TABLE inspection_signoffs (
  inspection_id BIGINT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id),
  signed_by BIGINT NOT NULL,
  signed_at TEXT NOT NULL,
  PRIMARY KEY (inspection_id, inspector_id)
);

-- Evidence and the firm's signature image, with SHA-256; bytes in the database (base64) so that a
-- backup holds them with the record.
CREATE TABLE inspection_attachments (
  id @ID@,
  inspection_id BIGINT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  kind TEXT NOT NULL,                         -- evidence | signature
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  UNIQUE (inspection_id, client_id)
);

CREATE TABLE inspection_reviews (
  id @ID@,
  inspection_id BIGINT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  decision TEXT NOT NULL,                     -- approve | return
  comment TEXT NOT NULL DEFAULT '',
  reviewed_by BIGINT NOT NULL,
  reviewed_at TEXT NOT NULL
);
CREATE INDEX inspection_reviews_record ON inspection_reviews (inspection_id, id);
