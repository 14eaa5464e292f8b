// Rules of the organisation module as plain functions: field validation, the password policy,
// data scopes and what one user may grant another. No storage, no HTTP.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "common/error.h"
#include "org/org_types.h"

namespace ssj::org {

std::string_view ScopeCode(DataScope scope);   // "all" | "dept_tree" | "dept" | "self"
std::string_view ScopeLabel(DataScope scope);  // 全部 | 本部门及以下 | 本部门 | 仅本人
Result<DataScope> ParseScope(std::string_view code);
inline DataScope Widest(DataScope a, DataScope b) { return a < b ? a : b; }

// 8–64 characters, three of four classes (lower, upper, digit, other), not the username.
Status CheckPasswordPolicy(std::string_view username, std::string_view password,
                           std::string_view field = "password");
// 3–32 of a-z 0-9 _ . -, starting with a letter.
Status CheckUsername(std::string_view username);
// 2–32 of A-Z 0-9 - _.
Status CheckDepartmentCode(std::string_view code);
Status CheckDepartment(const DepartmentInput& input);
Status CheckUser(const UserInput& input, bool creating);
Status CheckRole(const RoleInput& input);

// Roles may only pass on what the granter holds: every permission of the role, and a scope no
// wider than the granter's own. Stops a user administrator from making themselves an admin.
Status CheckCanGrant(const Principal& granter, const std::vector<std::string>& permissions,
                     DataScope scope);

// Whether a department path lies inside the principal's data scope.
bool DepartmentInScope(const Principal& who, int64_t department_id, const std::string& path);

// JSON forms used by the routes and by the audit log.
boost::json::value ToJson(const Department& department);
boost::json::value ToJson(const User& user);
boost::json::value ToJson(const Role& role);
boost::json::value ToJson(const LoginLogEntry& entry);

}  // namespace ssj::org
