#include "org/org_routes.h"

#include <boost/json.hpp>

#include "codes/divisions.h"
#include "common/clock.h"
#include "http/pipeline.h"
#include "org/admin.h"
#include "org/auth.h"
#include "org/org.h"
#include "org/org_repo.h"
#include "org/permissions.h"

namespace ssj::org {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

json::value MeJson(const Principal& p, soci::session& sql) {
  auto user = repo::GetUser(sql, nullptr, p.user_id);
  json::object o;
  o["id"] = p.user_id;
  o["username"] = p.username;
  o["name"] = p.name;
  if (user) {
    o["department"] = {{"id", user->department_id},
                       {"code", user->department_code},
                       {"name", user->department_name}};
    json::array roles;
    for (const RoleRef& r : user->roles)
      roles.push_back({{"id", r.id}, {"code", r.code}, {"name", r.name}});
    o["roles"] = std::move(roles);
  }
  json::array permissions;
  for (const auto& permission : p.permissions) permissions.push_back(json::value(permission));
  o["permissions"] = std::move(permissions);
  o["data_scope"] = ScopeCode(p.scope);
  o["csrf_token"] = p.csrf_token;
  o["must_change_password"] = p.must_change_password;
  return o;
}

template <class T>
json::value PageJson(const repo::Page<T>& page, const http::PageParams& params) {
  json::array items;
  for (const T& item : page.items) items.push_back(ToJson(item));
  return http::PageJson(std::move(items), page.total, params);
}

void Note(Request& req, std::string type, int64_t id, json::value before, json::value after) {
  req.audit =
      http::AuditNote{std::move(type), std::to_string(id), std::move(before), std::move(after)};
}

// --- auth ---

Result<Response> HandleLogin(Request& req) {
  SSJ_ASSIGN(std::string username, http::StringField(req.body, "username", true, 64));
  SSJ_ASSIGN(std::string password, http::StringField(req.body, "password", true, 128));
  SSJ_ASSIGN(LoginOutcome outcome, Login(*req.sql, *req.services,
                                         LoginRequest{username, password, req.ip, req.user_agent}));
  Response response = JsonResponse({{"user", MeJson(outcome.principal, *req.sql)},
                                    {"csrf_token", outcome.principal.csrf_token}});
  response.headers.emplace_back("Set-Cookie", SessionCookie(outcome.token, req.services->session));
  return response;
}

Result<Response> HandleLogout(Request& req) {
  Logout(*req.sql, *req.services, *req.principal);
  Response response = JsonResponse({{"ok", true}});
  response.headers.emplace_back("Set-Cookie", ClearedSessionCookie(req.services->session));
  return response;
}

Result<Response> HandleMe(Request& req) { return JsonResponse(MeJson(*req.principal, *req.sql)); }

Result<Response> HandleChangePassword(Request& req) {
  SSJ_ASSIGN(std::string old_password, http::StringField(req.body, "old_password", true, 128));
  SSJ_ASSIGN(std::string new_password, http::StringField(req.body, "new_password", true, 128));
  SSJ_TRY(ChangeOwnPassword(*req.sql, *req.principal, old_password, new_password, req.Now()));
  Note(req, "user", req.principal->user_id, nullptr, {{"password_changed", true}});
  return JsonResponse({{"ok", true}});
}

// --- departments ---

Result<DepartmentInput> ReadDepartment(const json::value& body) {
  DepartmentInput in;
  SSJ_ASSIGN(in.parent_id, http::OptionalIntField(body, "parent_id"));
  SSJ_ASSIGN(in.code, http::StringField(body, "code", true, 64));
  SSJ_ASSIGN(in.name, http::StringField(body, "name", true, 256));
  SSJ_ASSIGN(in.level, http::StringField(body, "level"));
  SSJ_ASSIGN(in.division_code, http::StringField(body, "division_code", true, 16));
  SSJ_ASSIGN(in.type, http::StringField(body, "type"));
  SSJ_ASSIGN(in.sort, http::IntField(body, "sort", false, 0));
  return in;
}

Result<Response> HandleListDepartments(Request& req) {
  json::array items;
  for (const Department& d : repo::ListDepartments(*req.sql, req.principal))
    items.push_back(ToJson(d));
  return JsonResponse({{"items", std::move(items)}});
}

// Every active department's id, code and name, for any logged-in user: a joint task or a plan
// names departments outside the caller's data scope (配合部门), and their names are not private.
Result<Response> HandleDepartmentNames(Request& req) {
  json::array items;
  for (const Department& d : repo::ListDepartments(*req.sql, nullptr)) {
    if (d.status != "active") continue;
    items.push_back({{"id", d.id},
                     {"parent_id", d.parent_id ? json::value(*d.parent_id) : json::value(nullptr)},
                     {"code", d.code},
                     {"name", d.name}});
  }
  return JsonResponse({{"items", std::move(items)}});
}

Result<Response> HandleCreateDepartment(Request& req) {
  SSJ_ASSIGN(DepartmentInput in, ReadDepartment(req.body));
  SSJ_ASSIGN(Department d, CreateDepartment(*req.sql, *req.principal, in, req.Now()));
  Note(req, "department", d.id, nullptr, ToJson(d));
  return JsonResponse(ToJson(d), 201);
}

Result<Response> HandleUpdateDepartment(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(DepartmentInput in, ReadDepartment(req.body));
  SSJ_ASSIGN(auto change, UpdateDepartment(*req.sql, *req.principal, id, in, req.Now()));
  Note(req, "department", id, ToJson(*change.before), ToJson(change.after));
  return JsonResponse(ToJson(change.after));
}

Result<Response> HandleDeleteDepartment(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(Department d, RemoveDepartment(*req.sql, *req.principal, id));
  Note(req, "department", id, ToJson(d), nullptr);
  return JsonResponse({{"ok", true}});
}

Result<Response> HandleDivisions(Request& req) {
  std::string limit_text = req.Query("limit", "50");
  size_t limit =
      limit_text.size() < 4 && limit_text.find_first_not_of("0123456789") == std::string::npos
          ? std::stoul(limit_text)
          : 50;
  json::array items;
  for (const codes::Division* d :
       codes::SearchDivisions(req.Query("q"), req.Query("parent"), std::min<size_t>(limit, 200))) {
    items.push_back({{"code", d->code},
                     {"name", d->name},
                     {"full_name", d->full_name},
                     {"level", d->level},
                     {"parent_code", d->parent_code}});
  }
  return JsonResponse({{"items", std::move(items)}});
}

// --- users ---

Result<UserInput> ReadUser(const json::value& body, bool creating) {
  UserInput in;
  // In the order of the form, so the first missing field is the one named.
  if (creating) {
    SSJ_ASSIGN(in.username, http::StringField(body, "username", true, 64));
  }
  SSJ_ASSIGN(in.name, http::StringField(body, "name", true, 256));
  SSJ_ASSIGN(in.phone, http::StringField(body, "phone", false, 32));
  SSJ_ASSIGN(in.department_id, http::IntField(body, "department_id"));
  SSJ_ASSIGN(in.role_ids, http::IntArrayField(body, "role_ids"));
  if (creating) {
    SSJ_ASSIGN(in.password, http::StringField(body, "password", true, 128));
  }
  return in;
}

Result<Response> HandleListUsers(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  UserFilter filter;
  std::string dept = req.Query("department_id");
  if (!dept.empty()) {
    if (dept.size() > 18 || dept.find_first_not_of("0123456789") != std::string::npos) {
      return Error::InvalidField("department_id", "部门编号应为整数", dept.substr(0, 32));
    }
    filter.department_id = std::stoll(dept);
  }
  filter.include_sub = req.Query("include_sub", "true") != "false";
  filter.q = req.Query("q").substr(0, 64);
  filter.status = req.Query("status");
  if (!filter.status.empty() && filter.status != "active" && filter.status != "disabled") {
    return Error::InvalidField("status", "状态应为 active 或 disabled",
                               filter.status.substr(0, 32));
  }
  filter.page = params.page;
  filter.page_size = params.page_size;
  return JsonResponse(PageJson(repo::ListUsers(*req.sql, req.principal, filter), params));
}

// What the user form and the department tree beside the user list need, for anyone who may
// list users: departments in scope, and every role marked with whether the caller may grant it.
Result<Response> HandleUserOptions(Request& req) {
  json::array departments;
  for (const Department& d : repo::ListDepartments(*req.sql, req.principal))
    departments.push_back(ToJson(d));
  json::array roles;
  for (const Role& r : repo::ListRoles(*req.sql)) {
    roles.push_back({{"id", r.id},
                     {"code", r.code},
                     {"name", r.name},
                     {"data_scope", ScopeCode(r.scope)},
                     {"grantable", CheckCanGrant(*req.principal, r.permissions, r.scope).ok()}});
  }
  return JsonResponse({{"departments", std::move(departments)}, {"roles", std::move(roles)}});
}

Result<Response> HandleGetUser(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto user = repo::GetUser(*req.sql, req.principal, id);
  if (!user) return Error::NotFound("用户");
  return JsonResponse(ToJson(*user));
}

Result<Response> HandleCreateUser(Request& req) {
  SSJ_ASSIGN(UserInput in, ReadUser(req.body, true));
  SSJ_ASSIGN(User user, CreateUser(*req.sql, *req.principal, in, req.Now()));
  Note(req, "user", user.id, nullptr, ToJson(user));
  return JsonResponse(ToJson(user), 201);
}

Result<Response> HandleUpdateUser(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(UserInput in, ReadUser(req.body, false));
  SSJ_ASSIGN(auto change, UpdateUser(*req.sql, *req.principal, id, in, req.Now()));
  Note(req, "user", id, ToJson(*change.before), ToJson(change.after));
  return JsonResponse(ToJson(change.after));
}

Result<Response> HandleUserStatus(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(std::string status, http::StringField(req.body, "status"));
  SSJ_ASSIGN(auto change, SetUserStatus(*req.sql, *req.principal, id, status, req.Now()));
  Note(req, "user", id, {{"status", change.before->status}}, {{"status", change.after.status}});
  return JsonResponse(ToJson(change.after));
}

Result<Response> HandleResetPassword(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(std::string password, http::StringField(req.body, "new_password", true, 128));
  SSJ_ASSIGN(User user, ResetPassword(*req.sql, *req.principal, id, password, req.Now()));
  Note(req, "user", id, nullptr, {{"password_reset", true}, {"username", user.username}});
  return JsonResponse({{"ok", true}});
}

// --- roles ---

Result<RoleInput> ReadRole(const json::value& body) {
  RoleInput in;
  SSJ_ASSIGN(in.code, http::StringField(body, "code", true, 64));
  SSJ_ASSIGN(in.name, http::StringField(body, "name", true, 256));
  SSJ_ASSIGN(std::string scope, http::StringField(body, "data_scope"));
  SSJ_ASSIGN(in.scope, ParseScope(scope));
  SSJ_ASSIGN(in.permissions, http::StringArrayField(body, "permissions"));
  SSJ_ASSIGN(in.remark, http::StringField(body, "remark", false, 1024));
  return in;
}

Result<Response> HandleListRoles(Request& req) {
  json::array items;
  for (const Role& r : repo::ListRoles(*req.sql)) items.push_back(ToJson(r));
  return JsonResponse({{"items", std::move(items)}});
}

json::value PermissionNodeJson(const PermissionNode& node) {
  json::object o{{"code", node.code}, {"name", node.name}};
  if (!node.children.empty()) {
    json::array children;
    for (const auto& child : node.children) children.push_back(PermissionNodeJson(child));
    o["children"] = std::move(children);
  }
  return o;
}

Result<Response> HandlePermissions(Request& req) {
  json::array items;
  for (const auto& node : PermissionTree()) items.push_back(PermissionNodeJson(node));
  return JsonResponse({{"items", std::move(items)}});
}

Result<Response> HandleCreateRole(Request& req) {
  SSJ_ASSIGN(RoleInput in, ReadRole(req.body));
  SSJ_ASSIGN(Role role, CreateRole(*req.sql, *req.principal, in, req.Now()));
  Note(req, "role", role.id, nullptr, ToJson(role));
  return JsonResponse(ToJson(role), 201);
}

Result<Response> HandleUpdateRole(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(RoleInput in, ReadRole(req.body));
  SSJ_ASSIGN(auto change, UpdateRole(*req.sql, *req.principal, id, in, req.Now()));
  Note(req, "role", id, ToJson(*change.before), ToJson(change.after));
  return JsonResponse(ToJson(change.after));
}

Result<Response> HandleDeleteRole(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(Role role, RemoveRole(*req.sql, *req.principal, id));
  Note(req, "role", id, ToJson(role), nullptr);
  return JsonResponse({{"ok", true}});
}

// --- login log ---

Result<Response> HandleLoginLog(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  LoginLogFilter filter;
  filter.username = req.Query("username").substr(0, 64);
  filter.result = req.Query("result").substr(0, 32);
  SSJ_ASSIGN(filter.from, http::ReadTimeParam(req, "from", false));
  SSJ_ASSIGN(filter.to, http::ReadTimeParam(req, "to", true));
  filter.page = params.page;
  filter.page_size = params.page_size;
  return JsonResponse(PageJson(repo::ListLoginLog(*req.sql, filter), params));
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  auto add = [&](auto&&... args) { router.Add(std::forward<decltype(args)>(args)...); };

  const auto kPerm = Access::kPermission;
  add(Method::kPost, "/api/v1/auth/login", Access::kPublic, "", "auth:login", "登录", "认证",
      HandleLogin, http::TxMode::kSelf);
  add(Method::kPost, "/api/v1/auth/logout", Access::kAuthenticated, "", "auth:logout", "退出登录",
      "认证", HandleLogout, http::TxMode::kSelf);
  add(Method::kGet, "/api/v1/auth/me", Access::kAuthenticated, "", "", "当前用户", "认证",
      HandleMe);
  add(Method::kPost, "/api/v1/auth/password", Access::kAuthenticated, "", "auth:password",
      "修改本人密码", "认证", HandleChangePassword);

  add(Method::kGet, "/api/v1/departments", kPerm, "system:dept:list", "", "部门列表", "部门",
      HandleListDepartments);
  add(Method::kGet, "/api/v1/departments/names", Access::kAuthenticated, "", "",
      "全部在用部门的名称（选择联合抽查、配合部门用，不受数据范围限制）", "部门",
      HandleDepartmentNames);
  add(Method::kPost, "/api/v1/departments", kPerm, "system:dept:add", "system:dept:add", "新增部门",
      "部门", HandleCreateDepartment);
  add(Method::kPut, "/api/v1/departments/{id}", kPerm, "system:dept:edit", "system:dept:edit",
      "修改部门", "部门", HandleUpdateDepartment);
  add(Method::kDelete, "/api/v1/departments/{id}", kPerm, "system:dept:remove",
      "system:dept:remove", "删除部门", "部门", HandleDeleteDepartment);
  // GB/T 2260 is public reference data that every form with a region needs.
  add(Method::kGet, "/api/v1/divisions", Access::kAuthenticated, "", "",
      "行政区划代码查询（GB/T 2260）", "部门", HandleDivisions);

  add(Method::kGet, "/api/v1/users", kPerm, "system:user:list", "", "用户列表", "用户",
      HandleListUsers);
  add(Method::kGet, "/api/v1/users/options", kPerm, "system:user:list", "",
      "用户表单选项（部门、可授予角色）", "用户", HandleUserOptions);
  add(Method::kGet, "/api/v1/users/{id}", kPerm, "system:user:list", "", "用户详情", "用户",
      HandleGetUser);
  add(Method::kPost, "/api/v1/users", kPerm, "system:user:add", "system:user:add", "新增用户",
      "用户", HandleCreateUser);
  add(Method::kPut, "/api/v1/users/{id}", kPerm, "system:user:edit", "system:user:edit", "修改用户",
      "用户", HandleUpdateUser);
  add(Method::kPut, "/api/v1/users/{id}/status", kPerm, "system:user:edit", "system:user:status",
      "启用或停用用户", "用户", HandleUserStatus);
  add(Method::kPost, "/api/v1/users/{id}/reset-password", kPerm, "system:user:reset-password",
      "system:user:reset-password", "重置密码", "用户", HandleResetPassword);

  add(Method::kGet, "/api/v1/roles", kPerm, "system:role:list", "", "角色列表", "角色",
      HandleListRoles);
  add(Method::kGet, "/api/v1/permissions", kPerm, "system:role:list", "", "权限标识树", "角色",
      HandlePermissions);
  add(Method::kPost, "/api/v1/roles", kPerm, "system:role:add", "system:role:add", "新增角色",
      "角色", HandleCreateRole);
  add(Method::kPut, "/api/v1/roles/{id}", kPerm, "system:role:edit", "system:role:edit", "修改角色",
      "角色", HandleUpdateRole);
  add(Method::kDelete, "/api/v1/roles/{id}", kPerm, "system:role:remove", "system:role:remove",
      "删除角色", "角色", HandleDeleteRole);

  add(Method::kGet, "/api/v1/login-log", kPerm, "system:loginlog:list", "", "登录日志", "日志",
      HandleLoginLog);
}

}  // namespace ssj::org
