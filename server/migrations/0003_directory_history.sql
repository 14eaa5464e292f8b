-- A target's newest version is its row; target_history keeps the earlier ones, written when a
-- version is superseded. So the row records who made it and how, and an import of new targets
-- writes each target once instead of twice.
ALTER TABLE targets ADD COLUMN last_action TEXT NOT NULL DEFAULT 'create';
ALTER TABLE targets ADD COLUMN updated_by BIGINT;
-- Rows written under 0002 have their newest version in target_history too: take its action and
-- author onto the row, then drop those copies.
UPDATE targets SET
  last_action = COALESCE((SELECT h.action FROM target_history h
                          WHERE h.target_id = targets.id AND h.version = targets.version), 'create'),
  updated_by = (SELECT h.changed_by FROM target_history h
                WHERE h.target_id = targets.id AND h.version = targets.version);
DELETE FROM target_history
  WHERE version = (SELECT t.version FROM targets t WHERE t.id = target_history.target_id);
-- No query uses these: substring search cannot use an index on name, and the unique
-- (kind, code) index serves look-ups by code.
DROP INDEX targets_name;
DROP INDEX targets_code;
