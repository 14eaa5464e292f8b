-- Photos, video and documents of a ceremony (抽取过程影像资料), each with its SHA-256, which the
-- portal publishes beside the record so that a copy shown later can be checked against it. The
-- bytes are kept in the database (base64) so that a backup holds them with the record.
CREATE TABLE task_attachments (
  id @ID@,
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,              -- image/jpeg | image/png | video/mp4 | application/pdf
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,                   -- base64
  created_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX task_attachments_task ON task_attachments (task_id, id);
