-- Foundation: departments, users, roles and permissions, sessions, login log, audit chain.
-- Times shown to people are ISO 8601 UTC text of fixed width (sortable on both backends);
-- times compared on every request (sessions, lockouts) are Unix milliseconds.

CREATE TABLE departments (
  id @ID@,
  parent_id BIGINT REFERENCES departments(id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  division_code TEXT NOT NULL,
  type TEXT NOT NULL,
  -- "/1/4/9/": the ids from the root down to this department; a subtree is a path prefix.
  path TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active',
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX departments_parent ON departments (parent_id);
CREATE INDEX departments_path ON departments (path);

CREATE TABLE users (
  id @ID@,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  department_id BIGINT NOT NULL REFERENCES departments(id),
  password_hash TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  must_change_password INTEGER NOT NULL DEFAULT 0,
  last_login_at TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_department ON users (department_id);

CREATE TABLE roles (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  data_scope TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0,
  remark TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE role_permissions (
  role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role_id BIGINT NOT NULL REFERENCES roles(id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role ON user_roles (role_id);

-- Server-side sessions: any instance behind the load balancer can serve any request. The
-- cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_throttle (
  username TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until_ms BIGINT NOT NULL DEFAULT 0,
  updated_ms BIGINT NOT NULL
);

CREATE TABLE login_log (
  id @ID@,
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  user_id BIGINT,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  result TEXT NOT NULL
);
CREATE INDEX login_log_at ON login_log (at);
CREATE INDEX login_log_username ON login_log (username, at);

-- The append-only, hash-chained audit log (docs/audit.md). seq is gap-free, handed out by
-- audit_head, whose single row also serialises appends across connections and instances.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  department_id BIGINT,
  ip TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_username ON audit_log (username, seq);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
