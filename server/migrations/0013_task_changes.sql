-- Changes to a drawn list (名单变更) and voids (作废), each requested with a reason and decided by
-- the head (负责人), never by the person who asked. An approved change goes through the engine's
-- own rules: a target is replaced by the next reserve (protocol §8); an inspector who withdraws
-- (回避, illness, change of post) is replaced by a draw with fresh public input (§9), entered at a
-- supervised session after the approval. The record before each change is kept.
CREATE TABLE task_changes (
  id @ID@,
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  kind TEXT NOT NULL,                        -- replace_target | withdraw_inspector | void
  target_id BIGINT,                          -- replace_target; the target of a declared conflict
  inspector_id BIGINT REFERENCES inspectors(id),  -- withdraw_inspector
  category TEXT NOT NULL,                    -- 免检 | 注销 | 其他; 回避 | 疾病 | 工作调动 | 其他; 作废
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',    -- pending | approved | rejected | applied
  requested_by BIGINT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by BIGINT,
  decided_at TEXT NOT NULL DEFAULT '',
  decision_reason TEXT NOT NULL DEFAULT '',
  public_input TEXT NOT NULL DEFAULT '',     -- a withdrawal's fresh dice, JSON
  record_before TEXT NOT NULL DEFAULT '',    -- the record the change replaced
  applied_by BIGINT,
  applied_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_changes_task ON task_changes (task_id, id);
CREATE INDEX task_changes_status ON task_changes (status, id);
