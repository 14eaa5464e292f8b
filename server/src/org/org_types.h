// Plain types of the organisation module: departments (a tree), users, roles with permission
// strings and a data scope, and the authenticated principal a request carries.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ssj::org {

// Ordered from widest to narrowest; a user with several roles gets the widest.
enum class DataScope { kAll = 0, kDeptTree = 1, kDept = 2, kSelf = 3 };

struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string name;
  int64_t department_id = 0;
  std::string department_path;  // "/1/4/"
  DataScope scope = DataScope::kSelf;
  std::set<std::string> permissions;
  std::string token_hash;  // the session this request came with
  std::string csrf_token;
  bool must_change_password = false;
  std::string ip;

  bool Has(const std::string& permission) const { return permissions.count(permission) > 0; }
};

struct Department {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string code;
  std::string name;
  std::string level;  // ministry | province | city | county
  std::string division_code;
  std::string type;  // agency | office | branch | team
  std::string path;
  int64_t sort = 0;
  std::string status = "active";
  std::string created_at;
  std::string updated_at;
};

struct DepartmentInput {
  std::optional<int64_t> parent_id;
  std::string code;
  std::string name;
  std::string level;
  std::string division_code;
  std::string type;
  int64_t sort = 0;
};

struct RoleRef {
  int64_t id = 0;
  std::string code;
  std::string name;
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string name;
  std::string phone;
  int64_t department_id = 0;
  std::string department_code;
  std::string department_name;
  std::vector<RoleRef> roles;
  std::string status = "active";
  bool must_change_password = false;
  std::optional<std::string> last_login_at;
  std::string created_at;
  std::string updated_at;
};

struct UserInput {
  std::string username;  // create only
  std::string name;
  std::string phone;
  int64_t department_id = 0;
  std::vector<int64_t> role_ids;
  std::string password;  // create only
};

struct UserFilter {
  int64_t department_id = 0;  // 0: any
  bool include_sub = true;
  std::string q;
  std::string status;
  int64_t page = 1;
  int64_t page_size = 20;
};

struct Role {
  int64_t id = 0;
  std::string code;
  std::string name;
  DataScope scope = DataScope::kSelf;
  std::vector<std::string> permissions;
  bool builtin = false;
  int64_t user_count = 0;
  std::string remark;
  std::string created_at;
  std::string updated_at;
};

struct RoleInput {
  std::string code;
  std::string name;
  DataScope scope = DataScope::kSelf;
  std::vector<std::string> permissions;
  std::string remark;
};

struct LoginLogEntry {
  int64_t id = 0;
  std::string at;
  std::string username;
  std::optional<int64_t> user_id;
  std::string ip;
  std::string user_agent;
  std::string result;  // success | bad_password | unknown_user | locked | disabled
};

struct LoginLogFilter {
  std::string username;
  std::string result;
  std::string from;
  std::string to;
  int64_t page = 1;
  int64_t page_size = 20;
};

}  // namespace ssj::org
