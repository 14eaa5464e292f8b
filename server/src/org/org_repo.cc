#include "org/org_repo.h"

#include <map>

#include "db/database.h"
#include "org/org.h"

namespace ssj::org::repo {
namespace {

using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowOptText;
using db::RowText;

constexpr char kDepartmentColumns[] =
    "SELECT d.id, d.parent_id, d.code, d.name, d.level, d.division_code, d.type, d.path, d.sort, "
    "d.status, d.created_at, d.updated_at FROM departments d";
constexpr char kUserColumns[] =
    "SELECT u.id, u.username, u.name, u.phone, u.department_id, d.code, d.name, u.status, "
    "u.must_change_password, u.last_login_at, u.created_at, u.updated_at "
    "FROM users u JOIN departments d ON d.id = u.department_id";
constexpr char kRoleColumns[] =
    "SELECT r.id, r.code, r.name, r.data_scope, r.builtin, r.remark, r.created_at, r.updated_at, "
    "(SELECT COUNT(*) FROM user_roles ur WHERE ur.role_id = r.id) FROM roles r";

Department DepartmentFromRow(const soci::row& row) {
  Department d;
  d.id = RowInt(row, 0);
  d.parent_id = RowOptInt(row, 1);
  d.code = RowText(row, 2);
  d.name = RowText(row, 3);
  d.level = RowText(row, 4);
  d.division_code = RowText(row, 5);
  d.type = RowText(row, 6);
  d.path = RowText(row, 7);
  d.sort = RowInt(row, 8);
  d.status = RowText(row, 9);
  d.created_at = RowText(row, 10);
  d.updated_at = RowText(row, 11);
  return d;
}

User UserFromRow(const soci::row& row) {
  User u;
  u.id = RowInt(row, 0);
  u.username = RowText(row, 1);
  u.name = RowText(row, 2);
  u.phone = RowText(row, 3);
  u.department_id = RowInt(row, 4);
  u.department_code = RowText(row, 5);
  u.department_name = RowText(row, 6);
  u.status = RowText(row, 7);
  u.must_change_password = RowInt(row, 8) != 0;
  u.last_login_at = RowOptText(row, 9);
  u.created_at = RowText(row, 10);
  u.updated_at = RowText(row, 11);
  return u;
}

// Fills the roles of the given users with one query.
void AttachRoles(soci::session& sql, std::vector<User>& users) {
  if (users.empty()) return;
  std::map<int64_t, User*> by_id;
  Query q(
      "SELECT ur.user_id, r.id, r.code, r.name FROM user_roles ur JOIN roles r ON r.id = "
      "ur.role_id WHERE ur.user_id IN (");
  for (size_t user_idx = 0; user_idx < users.size(); ++user_idx) {
    std::string name = "u" + std::to_string(user_idx);
    q.Append(user_idx ? ", :" + name : ":" + name).Bind(name, users[user_idx].id);
    by_id[users[user_idx].id] = &users[user_idx];
  }
  q.Append(") ORDER BY r.id");
  q.ForEach(sql, [&](const soci::row& row) {
    by_id[RowInt(row, 0)]->roles.push_back({RowInt(row, 1), RowText(row, 2), RowText(row, 3)});
  });
}

Role RoleFromRow(const soci::row& row) {
  Role r;
  r.id = RowInt(row, 0);
  r.code = RowText(row, 1);
  r.name = RowText(row, 2);
  auto scope = ParseScope(RowText(row, 3));
  r.scope = scope.ok() ? scope.value() : DataScope::kSelf;
  r.builtin = RowInt(row, 4) != 0;
  r.remark = RowText(row, 5);
  r.created_at = RowText(row, 6);
  r.updated_at = RowText(row, 7);
  r.user_count = RowInt(row, 8);
  return r;
}

void AttachPermissions(soci::session& sql, std::vector<Role>& roles) {
  std::map<int64_t, Role*> by_id;
  for (Role& r : roles) by_id[r.id] = &r;
  Query("SELECT role_id, permission FROM role_permissions ORDER BY permission")
      .ForEach(sql, [&](const soci::row& row) {
        auto it = by_id.find(RowInt(row, 0));
        if (it != by_id.end()) it->second->permissions.push_back(RowText(row, 1));
      });
}

void InsertPermissions(soci::session& sql, int64_t role_id, const std::vector<std::string>& perms) {
  for (const std::string& permission : perms) {
    Query(
        "INSERT INTO role_permissions (role_id, permission) VALUES (:r, :p) "
        "ON CONFLICT (role_id, permission) DO NOTHING")
        .Bind("r", role_id)
        .Bind("p", permission)
        .Exec(sql);
  }
}

}  // namespace

// Appends the data-scope predicate. `dept` is the departments alias; `user_id_column` is the
// column that "仅本人" compares with the caller (empty: fall back to the department).
void AddDepartmentScope(Query& q, const Principal* who, const std::string& department_column,
                        const std::string& user_id_column) {
  if (!who) return;
  switch (who->scope) {
    case DataScope::kAll:
      return;
    case DataScope::kDeptTree:
      q.Append(" AND " + department_column +
               " IN (SELECT id FROM departments WHERE path LIKE :scope_path)")
          .Bind("scope_path", who->department_path + "%");
      return;
    case DataScope::kDept:
      q.Append(" AND " + department_column + " = :scope_dept")
          .Bind("scope_dept", who->department_id);
      return;
    case DataScope::kSelf:
      q.Append(" AND " + user_id_column + " = :scope_user").Bind("scope_user", who->user_id);
      return;
  }
}

void AddScope(Query& q, const Principal* who, const std::string& dept,
              const std::string& user_id_column) {
  if (!who) return;
  switch (who->scope) {
    case DataScope::kAll:
      return;
    case DataScope::kDeptTree:
      q.Append(" AND " + dept + ".path LIKE :scope_path")
          .Bind("scope_path", who->department_path + "%");
      return;
    case DataScope::kDept:
      q.Append(" AND " + dept + ".id = :scope_dept").Bind("scope_dept", who->department_id);
      return;
    case DataScope::kSelf:
      if (user_id_column.empty()) {
        q.Append(" AND " + dept + ".id = :scope_dept").Bind("scope_dept", who->department_id);
      } else {
        q.Append(" AND " + user_id_column + " = :scope_user").Bind("scope_user", who->user_id);
      }
      return;
  }
}

std::vector<Department> ListDepartments(soci::session& sql, const Principal* who) {
  Query q(std::string(kDepartmentColumns) + " WHERE 1 = 1");
  AddScope(q, who, "d", "");
  q.Append(" ORDER BY d.sort, d.id");
  std::vector<Department> out;
  q.ForEach(sql, [&](const soci::row& row) { out.push_back(DepartmentFromRow(row)); });
  return out;
}

std::optional<Department> GetDepartment(soci::session& sql, const Principal* who, int64_t id) {
  Query q(std::string(kDepartmentColumns) + " WHERE d.id = :id");
  q.Bind("id", id);
  AddScope(q, who, "d", "");
  std::optional<Department> out;
  q.ForEach(sql, [&](const soci::row& row) { out = DepartmentFromRow(row); });
  return out;
}

std::optional<Department> GetDepartmentByCode(soci::session& sql, const std::string& code) {
  std::optional<Department> out;
  Query(std::string(kDepartmentColumns) + " WHERE d.code = :code")
      .Bind("code", code)
      .ForEach(sql, [&](const soci::row& row) { out = DepartmentFromRow(row); });
  return out;
}

int64_t InsertDepartment(soci::session& sql, const DepartmentInput& in,
                         const std::string& parent_path, std::optional<int64_t> created_by,
                         const std::string& now) {
  Query q(
      "INSERT INTO departments (parent_id, code, name, level, division_code, type, path, sort, "
      "status, created_by, created_at, updated_at) VALUES (:parent_id, :code, :name, :level, "
      ":division_code, :type, '', :sort, 'active', :created_by, :now, :now2) RETURNING id");
  in.parent_id ? q.Bind("parent_id", *in.parent_id) : q.BindNull("parent_id");
  q.Bind("code", in.code).Bind("name", in.name).Bind("level", in.level);
  q.Bind("division_code", in.division_code).Bind("type", in.type).Bind("sort", in.sort);
  created_by ? q.Bind("created_by", *created_by) : q.BindNull("created_by");
  q.Bind("now", now).Bind("now2", now);
  int64_t id = q.ScalarInt(sql);
  std::string path = (parent_path.empty() ? "/" : parent_path) + std::to_string(id) + "/";
  Query("UPDATE departments SET path = :path WHERE id = :id")
      .Bind("path", path)
      .Bind("id", id)
      .Exec(sql);
  return id;
}

void UpdateDepartment(soci::session& sql, const Department& before, const DepartmentInput& in,
                      const std::string& new_path, const std::string& now) {
  Query q(
      "UPDATE departments SET parent_id = :parent_id, code = :code, name = :name, level = :level, "
      "division_code = :division_code, type = :type, sort = :sort, updated_at = :now "
      "WHERE id = :id");
  in.parent_id ? q.Bind("parent_id", *in.parent_id) : q.BindNull("parent_id");
  q.Bind("code", in.code).Bind("name", in.name).Bind("level", in.level);
  q.Bind("division_code", in.division_code).Bind("type", in.type).Bind("sort", in.sort);
  q.Bind("now", now).Bind("id", before.id).Exec(sql);
  if (new_path != before.path) {
    // Every descendant keeps its tail below this department and takes the new prefix.
    Query("UPDATE departments SET path = :new_path || substr(path, :cut) WHERE path LIKE :old_like")
        .Bind("new_path", new_path)
        .Bind("cut", static_cast<int64_t>(before.path.size()) + 1)
        .Bind("old_like", before.path + "%")
        .Exec(sql);
  }
}

int64_t CountChildren(soci::session& sql, int64_t department_id) {
  return Query("SELECT COUNT(*) FROM departments WHERE parent_id = :id")
      .Bind("id", department_id)
      .ScalarInt(sql);
}

int64_t CountUsersIn(soci::session& sql, int64_t department_id) {
  return Query("SELECT COUNT(*) FROM users WHERE department_id = :id")
      .Bind("id", department_id)
      .ScalarInt(sql);
}

void DeleteDepartment(soci::session& sql, int64_t id) {
  Query("DELETE FROM departments WHERE id = :id").Bind("id", id).Exec(sql);
}

bool DepartmentCodeTaken(soci::session& sql, const std::string& code, int64_t except_id) {
  return Query("SELECT COUNT(*) FROM departments WHERE code = :code AND id <> :id")
             .Bind("code", code)
             .Bind("id", except_id)
             .ScalarInt(sql) > 0;
}

Page<User> ListUsers(soci::session& sql, const Principal* who, const UserFilter& f) {
  Query where(" WHERE 1 = 1");
  if (f.department_id > 0) {
    if (f.include_sub) {
      where.Append(" AND d.path LIKE (SELECT path FROM departments WHERE id = :dept) || '%'");
    } else {
      where.Append(" AND u.department_id = :dept");
    }
    where.Bind("dept", f.department_id);
  }
  if (!f.q.empty()) {
    where.Append(" AND (u.username LIKE :q1 OR u.name LIKE :q2)");
    where.Bind("q1", "%" + f.q + "%").Bind("q2", "%" + f.q + "%");
  }
  if (!f.status.empty()) where.Append(" AND u.status = :status").Bind("status", f.status);
  AddScope(where, who, "d", "u.id");
  Page<User> page;
  page.total =
      where.Wrapped("SELECT COUNT(*) FROM users u JOIN departments d ON d.id = u.department_id")
          .ScalarInt(sql);
  Query rows = where.Wrapped(kUserColumns, " ORDER BY u.id LIMIT :limit OFFSET :offset");
  rows.Bind("limit", f.page_size).Bind("offset", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(UserFromRow(row)); });
  AttachRoles(sql, page.items);
  return page;
}

std::optional<User> GetUser(soci::session& sql, const Principal* who, int64_t id) {
  Query q(std::string(kUserColumns) + " WHERE u.id = :id");
  q.Bind("id", id);
  AddScope(q, who, "d", "u.id");
  std::vector<User> found;
  q.ForEach(sql, [&](const soci::row& row) { found.push_back(UserFromRow(row)); });
  if (found.empty()) return std::nullopt;
  AttachRoles(sql, found);
  return found.front();
}

std::optional<Credentials> GetCredentials(soci::session& sql, const std::string& username) {
  std::optional<Credentials> out;
  Query("SELECT id, username, password_hash, status FROM users WHERE username = :u")
      .Bind("u", username)
      .ForEach(sql, [&](const soci::row& row) {
        out = Credentials{RowInt(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3)};
      });
  return out;
}

std::optional<Credentials> GetCredentialsById(soci::session& sql, int64_t id) {
  std::optional<Credentials> out;
  Query("SELECT id, username, password_hash, status FROM users WHERE id = :id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) {
        out = Credentials{RowInt(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3)};
      });
  return out;
}

bool UsernameTaken(soci::session& sql, const std::string& username) {
  return Query("SELECT COUNT(*) FROM users WHERE username = :u")
             .Bind("u", username)
             .ScalarInt(sql) > 0;
}

int64_t InsertUser(soci::session& sql, const UserInput& in, const std::string& password_hash,
                   std::optional<int64_t> created_by, const std::string& now) {
  Query q(
      "INSERT INTO users (username, name, phone, department_id, password_hash, status, "
      "must_change_password, created_by, created_at, updated_at) VALUES (:username, :name, "
      ":phone, :dept, :hash, 'active', 0, :created_by, :now, :now2) RETURNING id");
  q.Bind("username", in.username).Bind("name", in.name).Bind("phone", in.phone);
  q.Bind("dept", in.department_id).Bind("hash", password_hash);
  created_by ? q.Bind("created_by", *created_by) : q.BindNull("created_by");
  int64_t id = q.Bind("now", now).Bind("now2", now).ScalarInt(sql);
  SetUserRoles(sql, id, in.role_ids);
  return id;
}

void UpdateUser(soci::session& sql, int64_t id, const UserInput& in, const std::string& now) {
  Query(
      "UPDATE users SET name = :name, phone = :phone, department_id = :dept, updated_at = :now "
      "WHERE id = :id")
      .Bind("name", in.name)
      .Bind("phone", in.phone)
      .Bind("dept", in.department_id)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
  SetUserRoles(sql, id, in.role_ids);
}

void SetUserRoles(soci::session& sql, int64_t user_id, const std::vector<int64_t>& role_ids) {
  Query("DELETE FROM user_roles WHERE user_id = :id").Bind("id", user_id).Exec(sql);
  for (int64_t role_id : role_ids) {
    Query(
        "INSERT INTO user_roles (user_id, role_id) VALUES (:u, :r) ON CONFLICT (user_id, role_id) "
        "DO NOTHING")
        .Bind("u", user_id)
        .Bind("r", role_id)
        .Exec(sql);
  }
}

void SetUserStatus(soci::session& sql, int64_t id, const std::string& status,
                   const std::string& now) {
  Query("UPDATE users SET status = :s, updated_at = :now WHERE id = :id")
      .Bind("s", status)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
}

void SetPassword(soci::session& sql, int64_t id, const std::string& password_hash, bool must_change,
                 const std::string& now) {
  Query(
      "UPDATE users SET password_hash = :h, must_change_password = :m, updated_at = :now "
      "WHERE id = :id")
      .Bind("h", password_hash)
      .Bind("m", static_cast<int64_t>(must_change))
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
}

void SetLastLogin(soci::session& sql, int64_t id, const std::string& now) {
  Query("UPDATE users SET last_login_at = :now WHERE id = :id")
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
}

std::vector<Role> ListRoles(soci::session& sql) {
  std::vector<Role> out;
  Query(std::string(kRoleColumns) + " ORDER BY r.id").ForEach(sql, [&](const soci::row& row) {
    out.push_back(RoleFromRow(row));
  });
  AttachPermissions(sql, out);
  return out;
}

std::optional<Role> GetRole(soci::session& sql, int64_t id) {
  std::vector<Role> out;
  Query(std::string(kRoleColumns) + " WHERE r.id = :id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) { out.push_back(RoleFromRow(row)); });
  if (out.empty()) return std::nullopt;
  AttachPermissions(sql, out);
  return out.front();
}

std::optional<Role> GetRoleByCode(soci::session& sql, const std::string& code) {
  int64_t id = Query("SELECT COALESCE(MAX(id), 0) FROM roles WHERE code = :c")
                   .Bind("c", code)
                   .ScalarInt(sql);
  if (id == 0) return std::nullopt;
  return GetRole(sql, id);
}

int64_t InsertRole(soci::session& sql, const RoleInput& in, bool builtin,
                   std::optional<int64_t> created_by, const std::string& now) {
  Query q(
      "INSERT INTO roles (code, name, data_scope, builtin, remark, created_by, created_at, "
      "updated_at) VALUES (:code, :name, :scope, :builtin, :remark, :created_by, :now, :now2) "
      "RETURNING id");
  q.Bind("code", in.code).Bind("name", in.name).Bind("scope", std::string(ScopeCode(in.scope)));
  q.Bind("builtin", static_cast<int64_t>(builtin)).Bind("remark", in.remark);
  created_by ? q.Bind("created_by", *created_by) : q.BindNull("created_by");
  int64_t id = q.Bind("now", now).Bind("now2", now).ScalarInt(sql);
  InsertPermissions(sql, id, in.permissions);
  return id;
}

void UpdateRole(soci::session& sql, int64_t id, const RoleInput& in, const std::string& now) {
  Query(
      "UPDATE roles SET code = :code, name = :name, data_scope = :scope, remark = :remark, "
      "updated_at = :now WHERE id = :id")
      .Bind("code", in.code)
      .Bind("name", in.name)
      .Bind("scope", std::string(ScopeCode(in.scope)))
      .Bind("remark", in.remark)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
  Query("DELETE FROM role_permissions WHERE role_id = :id").Bind("id", id).Exec(sql);
  InsertPermissions(sql, id, in.permissions);
}

void DeleteRole(soci::session& sql, int64_t id) {
  Query("DELETE FROM role_permissions WHERE role_id = :id").Bind("id", id).Exec(sql);
  Query("DELETE FROM roles WHERE id = :id").Bind("id", id).Exec(sql);
}

void InsertSession(soci::session& sql, const SessionRow& s, const std::string& ip,
                   const std::string& user_agent) {
  Query(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_ms, last_seen_ms, "
      "expires_ms, ip, user_agent) VALUES (:t, :u, :c, :cr, :ls, :ex, :ip, :ua)")
      .Bind("t", s.token_hash)
      .Bind("u", s.user_id)
      .Bind("c", s.csrf_token)
      .Bind("cr", s.created_ms)
      .Bind("ls", s.last_seen_ms)
      .Bind("ex", s.expires_ms)
      .Bind("ip", ip)
      .Bind("ua", user_agent)
      .Exec(sql);
}

std::optional<SessionRow> GetSession(soci::session& sql, const std::string& token_hash) {
  std::optional<SessionRow> out;
  Query(
      "SELECT token_hash, user_id, csrf_token, created_ms, last_seen_ms, expires_ms FROM "
      "sessions WHERE token_hash = :t")
      .Bind("t", token_hash)
      .ForEach(sql, [&](const soci::row& row) {
        out = SessionRow{RowText(row, 0), RowInt(row, 1), RowText(row, 2),
                         RowInt(row, 3),  RowInt(row, 4), RowInt(row, 5)};
      });
  return out;
}

void TouchSession(soci::session& sql, const std::string& token_hash, int64_t now_ms) {
  Query("UPDATE sessions SET last_seen_ms = :now WHERE token_hash = :t")
      .Bind("now", now_ms)
      .Bind("t", token_hash)
      .Exec(sql);
}

void DeleteSession(soci::session& sql, const std::string& token_hash) {
  Query("DELETE FROM sessions WHERE token_hash = :t").Bind("t", token_hash).Exec(sql);
}

void DeleteSessionsOf(soci::session& sql, int64_t user_id, const std::string& keep_token_hash) {
  Query("DELETE FROM sessions WHERE user_id = :u AND token_hash <> :keep")
      .Bind("u", user_id)
      .Bind("keep", keep_token_hash)
      .Exec(sql);
}

std::optional<Principal> LoadPrincipal(soci::session& sql, int64_t user_id) {
  std::optional<Principal> out;
  Query(
      "SELECT u.id, u.username, u.name, u.department_id, d.path, u.must_change_password, "
      "u.status FROM users u JOIN departments d ON d.id = u.department_id WHERE u.id = :id")
      .Bind("id", user_id)
      .ForEach(sql, [&](const soci::row& row) {
        if (RowText(row, 6) != "active") return;
        Principal p;
        p.user_id = RowInt(row, 0);
        p.username = RowText(row, 1);
        p.name = RowText(row, 2);
        p.department_id = RowInt(row, 3);
        p.department_path = RowText(row, 4);
        p.must_change_password = RowInt(row, 5) != 0;
        out = std::move(p);
      });
  if (!out) return out;
  Query(
      "SELECT r.data_scope, rp.permission FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
      "LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE ur.user_id = :id")
      .Bind("id", user_id)
      .ForEach(sql, [&](const soci::row& row) {
        auto scope = ParseScope(RowText(row, 0));
        if (scope.ok()) out->scope = Widest(out->scope, scope.value());
        if (auto permission = RowOptText(row, 1)) out->permissions.insert(*permission);
      });
  return out;
}

std::optional<Throttle> GetThrottle(soci::session& sql, const std::string& username) {
  std::optional<Throttle> out;
  Query("SELECT failures, locked_until_ms, updated_ms FROM login_throttle WHERE username = :u")
      .Bind("u", username)
      .ForEach(sql, [&](const soci::row& row) {
        out = Throttle{RowInt(row, 0), RowInt(row, 1), RowInt(row, 2)};
      });
  return out;
}

void PutThrottle(soci::session& sql, const std::string& username, const Throttle& t) {
  Query(
      "INSERT INTO login_throttle (username, failures, locked_until_ms, updated_ms) VALUES "
      "(:u, :f, :l, :m) ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, "
      "locked_until_ms = excluded.locked_until_ms, updated_ms = excluded.updated_ms")
      .Bind("u", username)
      .Bind("f", t.failures)
      .Bind("l", t.locked_until_ms)
      .Bind("m", t.updated_ms)
      .Exec(sql);
}

void ClearThrottle(soci::session& sql, const std::string& username) {
  Query("DELETE FROM login_throttle WHERE username = :u").Bind("u", username).Exec(sql);
}

void InsertLoginLog(soci::session& sql, const LoginLogEntry& e) {
  Query q(
      "INSERT INTO login_log (at, username, user_id, ip, user_agent, result) VALUES "
      "(:at, :username, :user_id, :ip, :ua, :result)");
  q.Bind("at", e.at).Bind("username", e.username);
  e.user_id ? q.Bind("user_id", *e.user_id) : q.BindNull("user_id");
  q.Bind("ip", e.ip).Bind("ua", e.user_agent).Bind("result", e.result).Exec(sql);
}

Page<LoginLogEntry> ListLoginLog(soci::session& sql, const LoginLogFilter& f) {
  Query where(" WHERE 1 = 1");
  if (!f.username.empty()) where.Append(" AND username = :username").Bind("username", f.username);
  if (!f.result.empty()) where.Append(" AND result = :result").Bind("result", f.result);
  if (!f.from.empty()) where.Append(" AND at >= :from").Bind("from", f.from);
  if (!f.to.empty()) where.Append(" AND at < :to").Bind("to", f.to);
  Page<LoginLogEntry> page;
  page.total = where.Wrapped("SELECT COUNT(*) FROM login_log").ScalarInt(sql);
  Query rows =
      where.Wrapped("SELECT id, at, username, user_id, ip, user_agent, result FROM login_log",
                    " ORDER BY id DESC LIMIT :limit OFFSET :offset");
  rows.Bind("limit", f.page_size).Bind("offset", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) {
    page.items.push_back(LoginLogEntry{RowInt(row, 0), RowText(row, 1), RowText(row, 2),
                                       RowOptInt(row, 3), RowText(row, 4), RowText(row, 5),
                                       RowText(row, 6)});
  });
  return page;
}

}  // namespace ssj::org::repo
