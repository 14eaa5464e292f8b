#include "org/admin.h"

#include <algorithm>

#include "common/crypto.h"
#include "db/database.h"
#include "org/org.h"
#include "org/org_repo.h"
#include "org/permissions.h"

namespace ssj::org {
namespace {

Error InUse(std::string message) {
  return Error{ErrorKind::kConflict, "conflict.in_use", std::move(message), {}};
}

// The parent's path for a new or moved department, enforcing scope and the tree shape.
Result<std::string> ParentPath(soci::session& sql, const Principal& who,
                               const DepartmentInput& in) {
  if (!in.parent_id) {
    if (who.scope != DataScope::kAll) {
      return Error::InvalidField("parent_id",
                                 "请选择上级部门（只有全部数据范围的用户可以新建顶级部门）");
    }
    return std::string("/");
  }
  auto parent = repo::GetDepartment(sql, &who, *in.parent_id);
  if (!parent)
    return Error::InvalidField("parent_id", "上级部门不存在或不在本人数据范围内",
                               std::to_string(*in.parent_id));
  return parent->path;
}

// Roles in `role_ids` must exist; those not in `already_held` must be grantable by `who`.
// Keeping or removing a role someone else granted needs no grant right.
Status CheckRoles(soci::session& sql, const Principal& who, const std::vector<int64_t>& role_ids,
                  const std::vector<RoleRef>& already_held = {}) {
  for (int64_t role_id : role_ids) {
    auto role = repo::GetRole(sql, role_id);
    if (!role) return Error::InvalidField("role_ids", "角色不存在", std::to_string(role_id));
    bool held = std::any_of(already_held.begin(), already_held.end(),
                            [&](const RoleRef& r) { return r.id == role_id; });
    if (held) continue;
    SSJ_TRY(CheckCanGrant(who, role->permissions, role->scope));
  }
  return OkStatus();
}

Result<Department> UserDepartment(soci::session& sql, const Principal& who, int64_t department_id) {
  auto department = repo::GetDepartment(sql, &who, department_id);
  if (!department) {
    return Error::InvalidField("department_id", "部门不存在或不在本人数据范围内",
                               std::to_string(department_id));
  }
  return *department;
}

}  // namespace

Result<Department> CreateDepartment(soci::session& sql, const Principal& who,
                                    const DepartmentInput& input, const std::string& now) {
  SSJ_TRY(CheckDepartment(input));
  SSJ_ASSIGN(std::string parent_path, ParentPath(sql, who, input));
  if (repo::DepartmentCodeTaken(sql, input.code, 0)) {
    return Error::Duplicate("code", input.code, "部门编码已被使用：" + input.code);
  }
  int64_t id = repo::InsertDepartment(sql, input, parent_path, who.user_id, now);
  return *repo::GetDepartment(sql, nullptr, id);
}

Result<Change<Department>> UpdateDepartment(soci::session& sql, const Principal& who, int64_t id,
                                            const DepartmentInput& input, const std::string& now) {
  auto before = repo::GetDepartment(sql, &who, id);
  if (!before) return Error::NotFound("部门");
  SSJ_TRY(CheckDepartment(input));
  std::string new_path = before->path;
  if (input.parent_id != before->parent_id) {
    SSJ_ASSIGN(std::string parent_path, ParentPath(sql, who, input));
    if (parent_path.starts_with(before->path)) {
      return Error::InvalidField("parent_id", "不能把部门移到它自己或它的下级部门之下");
    }
    new_path = parent_path + std::to_string(id) + "/";
  }
  if (repo::DepartmentCodeTaken(sql, input.code, id)) {
    return Error::Duplicate("code", input.code, "部门编码已被使用：" + input.code);
  }
  repo::UpdateDepartment(sql, *before, input, new_path, now);
  return Change<Department>{before, *repo::GetDepartment(sql, nullptr, id)};
}

Result<Department> RemoveDepartment(soci::session& sql, const Principal& who, int64_t id) {
  auto department = repo::GetDepartment(sql, &who, id);
  if (!department) return Error::NotFound("部门");
  if (department->id == who.department_id) return InUse("不能删除本人所在的部门");
  if (int64_t n = repo::CountChildren(sql, id); n > 0) {
    return InUse("该部门下还有 " + std::to_string(n) + " 个下级部门，请先删除或移走");
  }
  if (int64_t n = repo::CountUsersIn(sql, id); n > 0) {
    return InUse("该部门下还有 " + std::to_string(n) + " 名用户，请先调整用户所属部门");
  }
  // The directories and the item list name departments too; a department still named there
  // stays (the rows would lose who supervises or initiates them).
  struct Use {
    const char* table;
    const char* what;
  };
  for (const Use& use : {Use{"targets", "个检查对象由该部门监管"},
                         Use{"inspectors", "名执法检查人员或专家属于该部门"},
                         Use{"catalog_items", "项抽查事项由该部门发起"},
                         Use{"catalog_item_cooperators", "项抽查事项由该部门配合"}}) {
    const int64_t n =
        db::Query(std::string("SELECT COUNT(*) FROM ") + use.table + " WHERE department_id = :id")
            .Bind("id", id)
            .ScalarInt(sql);
    if (n > 0) return InUse("还有 " + std::to_string(n) + " " + use.what + "，请先调整后再删除");
  }
  repo::DeleteDepartment(sql, id);
  return *department;
}

Result<User> CreateUser(soci::session& sql, const Principal& who, const UserInput& input,
                        const std::string& now) {
  SSJ_TRY(CheckUser(input, /*creating=*/true));
  SSJ_TRY(UserDepartment(sql, who, input.department_id));
  SSJ_TRY(CheckRoles(sql, who, input.role_ids));
  if (repo::UsernameTaken(sql, input.username)) {
    return Error::Duplicate("username", input.username, "用户名已存在：" + input.username);
  }
  int64_t id = repo::InsertUser(sql, input, HashPassword(input.password), who.user_id, now);
  return *repo::GetUser(sql, nullptr, id);
}

Result<Change<User>> UpdateUser(soci::session& sql, const Principal& who, int64_t id,
                                const UserInput& input, const std::string& now) {
  auto before = repo::GetUser(sql, &who, id);
  if (!before) return Error::NotFound("用户");
  SSJ_TRY(CheckUser(input, /*creating=*/false));
  SSJ_TRY(UserDepartment(sql, who, input.department_id));
  SSJ_TRY(CheckRoles(sql, who, input.role_ids, before->roles));
  repo::UpdateUser(sql, id, input, now);
  return Change<User>{before, *repo::GetUser(sql, nullptr, id)};
}

Result<Change<User>> SetUserStatus(soci::session& sql, const Principal& who, int64_t id,
                                   const std::string& status, const std::string& now) {
  if (status != "active" && status != "disabled") {
    return Error::InvalidField("status", "状态应为 active（正常）或 disabled（停用）", status);
  }
  auto before = repo::GetUser(sql, &who, id);
  if (!before) return Error::NotFound("用户");
  if (id == who.user_id && status == "disabled") {
    return Error::InvalidField("status", "不能停用本人的账号");
  }
  repo::SetUserStatus(sql, id, status, now);
  if (status == "disabled") repo::DeleteSessionsOf(sql, id);
  return Change<User>{before, *repo::GetUser(sql, nullptr, id)};
}

Result<User> ResetPassword(soci::session& sql, const Principal& who, int64_t id,
                           const std::string& new_password, const std::string& now) {
  auto user = repo::GetUser(sql, &who, id);
  if (!user) return Error::NotFound("用户");
  SSJ_TRY(CheckPasswordPolicy(user->username, new_password, "new_password"));
  // The user chooses a new password at next login; the admin's choice is only for handing over.
  repo::SetPassword(sql, id, HashPassword(new_password), id != who.user_id, now);
  repo::DeleteSessionsOf(sql, id, id == who.user_id ? who.token_hash : std::string());
  return *repo::GetUser(sql, nullptr, id);
}

Result<Role> CreateRole(soci::session& sql, const Principal& who, const RoleInput& input,
                        const std::string& now) {
  SSJ_TRY(CheckRole(input));
  SSJ_TRY(CheckCanGrant(who, input.permissions, input.scope));
  if (repo::GetRoleByCode(sql, input.code)) {
    return Error::Duplicate("code", input.code, "角色编码已存在：" + input.code);
  }
  int64_t id = repo::InsertRole(sql, input, false, who.user_id, now);
  return *repo::GetRole(sql, id);
}

Result<Change<Role>> UpdateRole(soci::session& sql, const Principal& who, int64_t id,
                                const RoleInput& input, const std::string& now) {
  auto before = repo::GetRole(sql, id);
  if (!before) return Error::NotFound("角色");
  if (before->code == kAdminRoleCode) {
    return Error{
        ErrorKind::kConflict, "role.builtin", "平台管理员角色始终拥有全部权限，不能修改", {}};
  }
  SSJ_TRY(CheckRole(input));
  if (before->builtin && input.code != before->code) {
    return Error::InvalidField("code", "内置角色的编码不能修改", input.code);
  }
  SSJ_TRY(CheckCanGrant(who, input.permissions, input.scope));
  if (auto other = repo::GetRoleByCode(sql, input.code); other && other->id != id) {
    return Error::Duplicate("code", input.code, "角色编码已存在：" + input.code);
  }
  repo::UpdateRole(sql, id, input, now);
  return Change<Role>{before, *repo::GetRole(sql, id)};
}

Result<Role> RemoveRole(soci::session& sql, const Principal& who, int64_t id) {
  auto role = repo::GetRole(sql, id);
  if (!role) return Error::NotFound("角色");
  if (role->builtin) return Error{ErrorKind::kConflict, "role.builtin", "内置角色不能删除", {}};
  if (role->user_count > 0) {
    return InUse("仍有 " + std::to_string(role->user_count) + " 名用户拥有该角色，请先取消分配");
  }
  repo::DeleteRole(sql, id);
  return *role;
}

void SyncAdminRole(soci::session& sql, const std::string& now) {
  auto admin = repo::GetRoleByCode(sql, kAdminRoleCode);
  RoleInput input{kAdminRoleCode, "平台管理员", DataScope::kAll, AllPermissions(),
                  "内置：拥有全部权限"};
  if (!admin) {
    repo::InsertRole(sql, input, true, std::nullopt, now);
  } else if (admin->permissions.size() != AllPermissions().size()) {
    repo::UpdateRole(sql, admin->id, input, now);
  }
}

}  // namespace ssj::org
