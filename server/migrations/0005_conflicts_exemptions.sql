-- Conflicts of interest (利害关系): an inspector must not inspect a target they have a stake in.
-- Declared by the inspector (自行申报) or recorded by staff (工作人员登记); a record is revoked,
-- never deleted, so the draw records that relied on it stay explainable.
CREATE TABLE conflicts (
  id @ID@,
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id),
  target_id BIGINT NOT NULL REFERENCES targets(id),
  reason TEXT NOT NULL,
  source TEXT NOT NULL,                      -- 自行申报 | 工作人员登记
  valid_from TEXT NOT NULL,                  -- YYYY-MM-DD
  valid_until TEXT NOT NULL DEFAULT '',      -- '' = open-ended
  status TEXT NOT NULL DEFAULT '有效',       -- 有效 | 已撤销
  revoke_reason TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX conflicts_inspector ON conflicts (inspector_id, target_id);
CREATE INDEX conflicts_target ON conflicts (target_id, inspector_id);

-- Exemptions (免检免扰): a target spared random inspection for a scope and a period, on the
-- strength of a document. They never apply to items marked safety, environment, complaint or
-- ordered from above; the draw decides that per item.
CREATE TABLE exemptions (
  id @ID@,
  target_id BIGINT NOT NULL REFERENCES targets(id),
  scope TEXT NOT NULL,                       -- 全部事项, or the items it covers
  valid_from TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  source_document TEXT NOT NULL,             -- e.g. 渝经信发〔2026〕12号
  status TEXT NOT NULL DEFAULT '有效',       -- 有效 | 已撤销
  revoke_reason TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX exemptions_target ON exemptions (target_id, valid_until);
