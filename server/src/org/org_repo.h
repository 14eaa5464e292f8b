// SQL of the organisation module: departments, users, roles, sessions, login throttling and the
// login log. Every list and lookup that users reach takes the caller's Principal and applies its
// data scope in the WHERE clause; nullptr means "no scope" and is for the CLI and the demo only.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <vector>

#include "common/error.h"
#include "db/database.h"
#include "org/org_types.h"

namespace ssj::org::repo {

using db::Page;

// Appends the data-scope predicate of `who` to a query over rows owned by a department:
// `dept` is the departments alias; `user_id_column` is the column that "仅本人" compares with
// the caller (empty: the caller's department). nullptr adds nothing (CLI and demo only).
// The same scope as a predicate on a row's department id column, without joining departments:
// a list over millions of rows counts its matches through the row's own index.
void AddDepartmentScope(db::Query& q, const Principal* who, const std::string& department_column,
                        const std::string& user_id_column);
void AddScope(db::Query& q, const Principal* who, const std::string& dept,
              const std::string& user_id_column);

// Departments.
std::vector<Department> ListDepartments(soci::session& sql, const Principal* who);
std::optional<Department> GetDepartment(soci::session& sql, const Principal* who, int64_t id);
std::optional<Department> GetDepartmentByCode(soci::session& sql, const std::string& code);
int64_t InsertDepartment(soci::session& sql, const DepartmentInput& input,
                         const std::string& parent_path, std::optional<int64_t> created_by,
                         const std::string& now);
// Updates the fields and, when the parent changed, rewrites the paths of the whole subtree.
void UpdateDepartment(soci::session& sql, const Department& before, const DepartmentInput& input,
                      const std::string& new_path, const std::string& now);
int64_t CountChildren(soci::session& sql, int64_t department_id);
int64_t CountUsersIn(soci::session& sql, int64_t department_id);
void DeleteDepartment(soci::session& sql, int64_t id);
bool DepartmentCodeTaken(soci::session& sql, const std::string& code, int64_t except_id);

// Users.
Page<User> ListUsers(soci::session& sql, const Principal* who, const UserFilter& filter);
std::optional<User> GetUser(soci::session& sql, const Principal* who, int64_t id);
struct Credentials {
  int64_t id = 0;
  std::string username;
  std::string password_hash;
  std::string status;
};
std::optional<Credentials> GetCredentials(soci::session& sql, const std::string& username);
std::optional<Credentials> GetCredentialsById(soci::session& sql, int64_t id);
bool UsernameTaken(soci::session& sql, const std::string& username);
int64_t InsertUser(soci::session& sql, const UserInput& input, const std::string& password_hash,
                   std::optional<int64_t> created_by, const std::string& now);
void UpdateUser(soci::session& sql, int64_t id, const UserInput& input, const std::string& now);
void SetUserRoles(soci::session& sql, int64_t user_id, const std::vector<int64_t>& role_ids);
void SetUserStatus(soci::session& sql, int64_t id, const std::string& status,
                   const std::string& now);
void SetPassword(soci::session& sql, int64_t id, const std::string& password_hash, bool must_change,
                 const std::string& now);
void SetLastLogin(soci::session& sql, int64_t id, const std::string& now);

// Roles.
std::vector<Role> ListRoles(soci::session& sql);
std::optional<Role> GetRole(soci::session& sql, int64_t id);
std::optional<Role> GetRoleByCode(soci::session& sql, const std::string& code);
int64_t InsertRole(soci::session& sql, const RoleInput& input, bool builtin,
                   std::optional<int64_t> created_by, const std::string& now);
void UpdateRole(soci::session& sql, int64_t id, const RoleInput& input, const std::string& now);
void DeleteRole(soci::session& sql, int64_t id);

// Sessions. Only the SHA-256 of the cookie token is stored.
struct SessionRow {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_ms = 0;
  int64_t last_seen_ms = 0;
  int64_t expires_ms = 0;
};
void InsertSession(soci::session& sql, const SessionRow& row, const std::string& ip,
                   const std::string& user_agent);
std::optional<SessionRow> GetSession(soci::session& sql, const std::string& token_hash);
void TouchSession(soci::session& sql, const std::string& token_hash, int64_t now_ms);
void DeleteSession(soci::session& sql, const std::string& token_hash);
// Ends every session of the user except `keep_token_hash` (empty: all).
void DeleteSessionsOf(soci::session& sql, int64_t user_id, const std::string& keep_token_hash = {});
// Loads what a request needs to know about its user: permissions, widest scope, department.
std::optional<Principal> LoadPrincipal(soci::session& sql, int64_t user_id);

// Login throttling.
struct Throttle {
  int64_t failures = 0;
  int64_t locked_until_ms = 0;
  int64_t updated_ms = 0;
};
std::optional<Throttle> GetThrottle(soci::session& sql, const std::string& username);
void PutThrottle(soci::session& sql, const std::string& username, const Throttle& throttle);
void ClearThrottle(soci::session& sql, const std::string& username);

// Login log.
void InsertLoginLog(soci::session& sql, const LoginLogEntry& entry);
Page<LoginLogEntry> ListLoginLog(soci::session& sql, const LoginLogFilter& filter);

}  // namespace ssj::org::repo
