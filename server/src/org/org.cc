#include "org/org.h"

#include <boost/json.hpp>

#include "codes/divisions.h"
#include "org/permissions.h"

namespace ssj::org {
namespace {

// Counts Unicode code points, so that a Chinese name of 4 characters is 4, not 12.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

Status CheckText(std::string_view field, std::string_view label, std::string_view value,
                 size_t min_len, size_t max_len) {
  if (!ValidUtf8(value))
    return Error::InvalidField(std::string(field), std::string(label) + "含有无效字符");
  size_t n = CodePoints(value);
  if (n < min_len || n > max_len) {
    return Error::InvalidField(std::string(field),
                               std::string(label) + "长度应为 " + std::to_string(min_len) + "–" +
                                   std::to_string(max_len) + " 个字符",
                               std::string(value));
  }
  for (unsigned char c : value) {
    if (c < 0x20)
      return Error::InvalidField(std::string(field), std::string(label) + "不能包含控制字符");
  }
  return OkStatus();
}

}  // namespace

std::string_view ScopeCode(DataScope scope) {
  switch (scope) {
    case DataScope::kAll:
      return "all";
    case DataScope::kDeptTree:
      return "dept_tree";
    case DataScope::kDept:
      return "dept";
    case DataScope::kSelf:
      return "self";
  }
  return "self";
}

std::string_view ScopeLabel(DataScope scope) {
  switch (scope) {
    case DataScope::kAll:
      return "全部";
    case DataScope::kDeptTree:
      return "本部门及以下";
    case DataScope::kDept:
      return "本部门";
    case DataScope::kSelf:
      return "仅本人";
  }
  return "仅本人";
}

Result<DataScope> ParseScope(std::string_view code) {
  for (DataScope scope :
       {DataScope::kAll, DataScope::kDeptTree, DataScope::kDept, DataScope::kSelf}) {
    if (ScopeCode(scope) == code) return scope;
  }
  return Error::InvalidField("data_scope", "数据范围应为 all、dept_tree、dept 或 self",
                             std::string(code));
}

Status CheckPasswordPolicy(std::string_view username, std::string_view password,
                           std::string_view field) {
  std::string f(field);
  if (password.size() < 8 || password.size() > 64) {
    return Error::InvalidField(f, "密码长度应为 8–64 位");
  }
  int lower = 0, upper = 0, digit = 0, other = 0;
  for (unsigned char c : password) {
    if (c >= 'a' && c <= 'z')
      lower = 1;
    else if (c >= 'A' && c <= 'Z')
      upper = 1;
    else if (c >= '0' && c <= '9')
      digit = 1;
    else
      other = 1;
  }
  if (lower + upper + digit + other < 3) {
    return Error::InvalidField(f, "密码需包含小写字母、大写字母、数字、符号中的至少三类");
  }
  if (password == username) return Error::InvalidField(f, "密码不能与用户名相同");
  return OkStatus();
}

Status CheckUsername(std::string_view username) {
  bool ok =
      username.size() >= 3 && username.size() <= 32 && username[0] >= 'a' && username[0] <= 'z';
  for (char c : username) {
    ok = ok &&
         ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-');
  }
  if (!ok) {
    return Error::InvalidField("username", "用户名应为 3–32 位小写字母、数字或 _ . -，以字母开头",
                               std::string(username.substr(0, 64)));
  }
  return OkStatus();
}

Status CheckDepartmentCode(std::string_view code) {
  bool ok = code.size() >= 2 && code.size() <= 32;
  for (char c : code)
    ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
  if (!ok) {
    return Error::InvalidField("code", "部门编码应为 2–32 位大写字母、数字、- 或 _",
                               std::string(code.substr(0, 64)));
  }
  return OkStatus();
}

Status CheckDepartment(const DepartmentInput& input) {
  SSJ_TRY(CheckDepartmentCode(input.code));
  SSJ_TRY(CheckText("name", "部门名称", input.name, 2, 64));
  if (input.level != "ministry" && input.level != "province" && input.level != "city" &&
      input.level != "county") {
    return Error::InvalidField(
        "level", "层级应为 ministry（部）、province（省）、city（市）或 county（区县）",
        input.level);
  }
  if (input.type != "agency" && input.type != "office" && input.type != "branch" &&
      input.type != "team") {
    return Error::InvalidField(
        "type",
        "类型应为 agency（机关）、office（内设处室）、branch（派出机构）或 team（执法队伍）",
        input.type);
  }
  if (!codes::FindDivision(input.division_code)) {
    return Error::InvalidField("division_code", "行政区划代码不在 GB/T 2260 代码表中",
                               input.division_code);
  }
  if (input.sort < 0 || input.sort > 1000000) {
    return Error::InvalidField("sort", "排序应为 0–1000000 的整数", std::to_string(input.sort));
  }
  return OkStatus();
}

Status CheckUser(const UserInput& input, bool creating) {
  if (creating) SSJ_TRY(CheckUsername(input.username));
  SSJ_TRY(CheckText("name", "姓名", input.name, 2, 32));
  if (!input.phone.empty()) {
    bool ok = input.phone.size() >= 7 && input.phone.size() <= 20;
    for (char c : input.phone) ok = ok && ((c >= '0' && c <= '9') || c == '-' || c == '+');
    if (!ok) return Error::InvalidField("phone", "手机号格式不正确", input.phone);
  }
  if (input.department_id <= 0) return Error::InvalidField("department_id", "请选择所属部门");
  if (creating) SSJ_TRY(CheckPasswordPolicy(input.username, input.password, "password"));
  return OkStatus();
}

Status CheckRole(const RoleInput& input) {
  bool ok = input.code.size() >= 2 && input.code.size() <= 32;
  for (char c : input.code)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  if (!ok) return Error::InvalidField("code", "角色编码应为 2–32 位小写字母、数字或 _", input.code);
  SSJ_TRY(CheckText("name", "角色名称", input.name, 2, 32));
  SSJ_TRY(CheckText("remark", "备注", input.remark, 0, 200));
  for (const std::string& permission : input.permissions) {
    if (!IsKnownPermission(permission)) {
      return Error::InvalidField("permissions", "未知的权限标识", permission);
    }
  }
  return OkStatus();
}

Status CheckCanGrant(const Principal& granter, const std::vector<std::string>& permissions,
                     DataScope scope) {
  for (const std::string& permission : permissions) {
    if (!granter.Has(permission)) {
      Error e{ErrorKind::kForbidden,
              "auth.cannot_grant",
              "不能授予本人未拥有的权限：" + permission,
              {}};
      e.details["permission"] = permission;
      return e;
    }
  }
  if (scope < granter.scope) {
    Error e{ErrorKind::kForbidden,
            "auth.cannot_grant",
            "不能授予比本人更大的数据范围：" + std::string(ScopeLabel(scope)),
            {}};
    e.details["data_scope"] = std::string(ScopeCode(scope));
    return e;
  }
  return OkStatus();
}

bool DepartmentInScope(const Principal& who, int64_t department_id, const std::string& path) {
  switch (who.scope) {
    case DataScope::kAll:
      return true;
    case DataScope::kDeptTree:
      return path.starts_with(who.department_path);
    case DataScope::kDept:
    case DataScope::kSelf:
      return department_id == who.department_id;
  }
  return false;
}

boost::json::value ToJson(const Department& d) {
  boost::json::object o;
  o["id"] = d.id;
  o["parent_id"] = d.parent_id ? boost::json::value(*d.parent_id) : nullptr;
  o["code"] = d.code;
  o["name"] = d.name;
  o["level"] = d.level;
  o["division_code"] = d.division_code;
  const codes::Division* division = codes::FindDivision(d.division_code);
  o["division_name"] = division ? division->full_name : "";
  o["type"] = d.type;
  o["sort"] = d.sort;
  o["status"] = d.status;
  o["created_at"] = d.created_at;
  o["updated_at"] = d.updated_at;
  return o;
}

boost::json::value ToJson(const User& u) {
  boost::json::object o;
  o["id"] = u.id;
  o["username"] = u.username;
  o["name"] = u.name;
  o["phone"] = u.phone;
  o["department"] = {
      {"id", u.department_id}, {"code", u.department_code}, {"name", u.department_name}};
  boost::json::array roles;
  for (const RoleRef& r : u.roles)
    roles.push_back({{"id", r.id}, {"code", r.code}, {"name", r.name}});
  o["roles"] = std::move(roles);
  o["status"] = u.status;
  o["must_change_password"] = u.must_change_password;
  o["last_login_at"] = u.last_login_at ? boost::json::value(*u.last_login_at) : nullptr;
  o["created_at"] = u.created_at;
  o["updated_at"] = u.updated_at;
  return o;
}

boost::json::value ToJson(const Role& r) {
  boost::json::object o;
  o["id"] = r.id;
  o["code"] = r.code;
  o["name"] = r.name;
  o["data_scope"] = ScopeCode(r.scope);
  boost::json::array permissions;
  for (const auto& p : r.permissions) permissions.push_back(boost::json::value(p));
  o["permissions"] = std::move(permissions);
  o["builtin"] = r.builtin;
  o["user_count"] = r.user_count;
  o["remark"] = r.remark;
  o["created_at"] = r.created_at;
  o["updated_at"] = r.updated_at;
  return o;
}

boost::json::value ToJson(const LoginLogEntry& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"username", e.username},
          {"user_id", e.user_id ? boost::json::value(*e.user_id) : nullptr},
          {"ip", e.ip},
          {"user_agent", e.user_agent},
          {"result", e.result}};
}

}  // namespace ssj::org
