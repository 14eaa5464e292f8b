// Administration of departments, users and roles as plain functions over an open session:
// validate, check the caller's data scope and grant rights, then write through the repo.
// Callers run them inside a transaction and record the returned before/after in the audit log.
#pragma once

#include <soci/soci.h>

#include "common/error.h"
#include "org/org_types.h"

namespace ssj::org {

template <class T>
struct Change {
  std::optional<T> before;
  T after;
};

Result<Department> CreateDepartment(soci::session& sql, const Principal& who,
                                    const DepartmentInput& input, const std::string& now);
Result<Change<Department>> UpdateDepartment(soci::session& sql, const Principal& who, int64_t id,
                                            const DepartmentInput& input, const std::string& now);
Result<Department> RemoveDepartment(soci::session& sql, const Principal& who, int64_t id);

Result<User> CreateUser(soci::session& sql, const Principal& who, const UserInput& input,
                        const std::string& now);
Result<Change<User>> UpdateUser(soci::session& sql, const Principal& who, int64_t id,
                                const UserInput& input, const std::string& now);
Result<Change<User>> SetUserStatus(soci::session& sql, const Principal& who, int64_t id,
                                   const std::string& status, const std::string& now);
Result<User> ResetPassword(soci::session& sql, const Principal& who, int64_t id,
                           const std::string& new_password, const std::string& now);

Result<Role> CreateRole(soci::session& sql, const Principal& who, const RoleInput& input,
                        const std::string& now);
Result<Change<Role>> UpdateRole(soci::session& sql, const Principal& who, int64_t id,
                                const RoleInput& input, const std::string& now);
Result<Role> RemoveRole(soci::session& sql, const Principal& who, int64_t id);

// Gives the built-in admin role every permission the server knows (new modules add some).
void SyncAdminRole(soci::session& sql, const std::string& now);

inline constexpr char kAdminRoleCode[] = "admin";

}  // namespace ssj::org
