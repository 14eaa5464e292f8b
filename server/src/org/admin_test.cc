// Department tree, data scope and grant rules of administration, on both backends.
#include "org/admin.h"

#include <gtest/gtest.h>

#include "org/org_repo.h"
#include "testing/test_db.h"

namespace ssj::org {
namespace {

class AdminTest : public testing::DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    sql_ = std::make_unique<db::Lease>(database().Acquire());
    root_ = Root();
    city_ = Dept(std::nullopt, "CITY", "重庆市经济和信息化委员会", "500000");
    office_ = Dept(city_, "CITY-A", "综合执法处", "500000");
    district_ = Dept(city_, "YZ", "渝中区经济和信息化委员会", "500103");
    team_ = Dept(district_, "YZ-T", "渝中区执法队", "500103");
  }
  void TearDown() override {
    sql_.reset();
    DbTest::TearDown();
  }
  soci::session& sql() { return **sql_; }
  std::string Now() { return FormatIsoMillis(clock().NowMillis()); }
  int64_t Dept(std::optional<int64_t> parent, const std::string& code, const std::string& name,
               const std::string& division) {
    auto d = CreateDepartment(
        sql(), root_, {parent, code, name, parent ? "county" : "province", division, "agency", 0},
        Now());
    EXPECT_TRUE(d.ok()) << d.error().message;
    return d.ok() ? d->id : 0;
  }
  int64_t User(const std::string& username, int64_t dept, std::vector<int64_t> roles = {}) {
    auto u = CreateUser(sql(), root_, {username, "用户" + username, "", dept, roles, "Good@Pass1"},
                        Now());
    EXPECT_TRUE(u.ok()) << u.error().message;
    return u.ok() ? u->id : 0;
  }
  Principal As(int64_t user_id) {
    auto p = repo::LoadPrincipal(sql(), user_id);
    EXPECT_TRUE(p.has_value());
    return *p;
  }
  int64_t RoleWith(const std::string& code, DataScope scope, std::vector<std::string> perms) {
    auto r = CreateRole(sql(), root_, {code, "角色" + code, scope, perms, ""}, Now());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->id : 0;
  }

  std::unique_ptr<db::Lease> sql_;
  Principal root_;
  int64_t city_ = 0, office_ = 0, district_ = 0, team_ = 0;
};

TEST_P(AdminTest, PathsFollowTheTreeAndMoves) {
  auto team = repo::GetDepartment(sql(), nullptr, team_);
  EXPECT_EQ(team->path, "/" + std::to_string(city_) + "/" + std::to_string(district_) + "/" +
                            std::to_string(team_) + "/");
  // Move the district (with its team) under the office.
  auto district = repo::GetDepartment(sql(), nullptr, district_);
  DepartmentInput in{office_,
                     district->code,
                     district->name,
                     district->level,
                     district->division_code,
                     district->type,
                     0};
  ASSERT_TRUE(UpdateDepartment(sql(), root_, district_, in, Now()).ok());
  team = repo::GetDepartment(sql(), nullptr, team_);
  EXPECT_EQ(team->path, "/" + std::to_string(city_) + "/" + std::to_string(office_) + "/" +
                            std::to_string(district_) + "/" + std::to_string(team_) + "/");
}

TEST_P(AdminTest, ADepartmentCannotMoveUnderItsOwnDescendant) {
  auto city = repo::GetDepartment(sql(), nullptr, city_);
  DepartmentInput in{team_,      city->code, city->name, city->level, city->division_code,
                     city->type, 0};
  auto r = UpdateDepartment(sql(), root_, city_, in, Now());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at("field"), "parent_id");
}

TEST_P(AdminTest, ValidationNamesTheField) {
  auto bad_division = CreateDepartment(
      sql(), root_, {city_, "NEW", "新部门", "county", "509999", "agency", 0}, Now());
  ASSERT_FALSE(bad_division.ok());
  EXPECT_EQ(bad_division.error().details.at("field"), "division_code");
  EXPECT_EQ(bad_division.error().details.at("value"), "509999");
  auto dup =
      CreateDepartment(sql(), root_, {city_, "YZ", "重复", "county", "500103", "agency", 0}, Now());
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, "conflict.duplicate");
  auto bad_code = CreateDepartment(
      sql(), root_, {city_, "yz lower", "小写", "county", "500103", "agency", 0}, Now());
  EXPECT_EQ(bad_code.error().details.at("field"), "code");
}

TEST_P(AdminTest, DeleteRefusesDepartmentsInUse) {
  User("inteam", team_);
  auto with_children = RemoveDepartment(sql(), root_, district_);
  ASSERT_FALSE(with_children.ok());
  EXPECT_EQ(with_children.error().code, "conflict.in_use");
  auto with_users = RemoveDepartment(sql(), root_, team_);
  ASSERT_FALSE(with_users.ok());
  EXPECT_EQ(with_users.error().code, "conflict.in_use");
  // A department that still supervises a target stays, with a 409 rather than a foreign-key 500.
  db::Query(
      "INSERT INTO targets (kind, code, name, nature, division_code, department_id, created_at, "
      "updated_at) VALUES ('entity', '91500103MA60K3T26Y', '重庆甲公司', '企业', '500103', :d, "
      "'2026-11-18T00:00:00.000Z', '2026-11-18T00:00:00.000Z')")
      .Bind("d", office_)
      .Exec(sql());
  auto with_targets = RemoveDepartment(sql(), root_, office_);
  ASSERT_FALSE(with_targets.ok());
  EXPECT_EQ(with_targets.error().code, "conflict.in_use");
  db::Query("DELETE FROM targets").Exec(sql());
  EXPECT_TRUE(RemoveDepartment(sql(), root_, office_).ok());
}

TEST_P(AdminTest, DataScopeLimitsListsAndLookups) {
  int64_t tree_role = RoleWith("tree", DataScope::kDeptTree, {"system:user:list"});
  int64_t dept_role = RoleWith("dept", DataScope::kDept, {"system:user:list"});
  int64_t self_role = RoleWith("self", DataScope::kSelf, {"system:user:list"});
  int64_t district_head = User("dhead", district_, {tree_role});
  int64_t district_clerk = User("dclerk", district_, {dept_role});
  int64_t inspector = User("insp", team_, {self_role});
  int64_t city_user = User("cityuser", office_);

  auto names = [&](const Principal& who) {
    std::set<std::string> out;
    for (const auto& u : repo::ListUsers(sql(), &who, UserFilter{}).items) out.insert(u.username);
    return out;
  };
  EXPECT_EQ(names(As(district_head)), (std::set<std::string>{"dhead", "dclerk", "insp"}));
  EXPECT_EQ(names(As(district_clerk)), (std::set<std::string>{"dhead", "dclerk"}));
  EXPECT_EQ(names(As(inspector)), (std::set<std::string>{"insp"}));
  EXPECT_EQ(repo::ListUsers(sql(), &root_, UserFilter{}).total, 4);
  // Outside the scope, a row looks as if it did not exist.
  Principal head = As(district_head);
  EXPECT_FALSE(repo::GetUser(sql(), &head, city_user).has_value());
  EXPECT_FALSE(repo::GetDepartment(sql(), &head, office_).has_value());
  EXPECT_EQ(repo::ListDepartments(sql(), &head).size(), 2u);
  auto edit = UpdateUser(sql(), head, city_user, {"", "改名", "", office_, {}, ""}, Now());
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().kind, ErrorKind::kNotFound);
  // A user with several roles gets the widest scope.
  int64_t both = User("both", district_, {self_role, tree_role});
  EXPECT_EQ(As(both).scope, DataScope::kDeptTree);
}

TEST_P(AdminTest, NobodyGrantsMoreThanTheyHold) {
  int64_t admin_role = repo::GetRoleByCode(sql(), kAdminRoleCode)->id;
  int64_t useradmin_role =
      RoleWith("useradmin", DataScope::kDeptTree,
               {"system:user:list", "system:user:add", "system:user:edit", "system:role:add"});
  int64_t manager = User("manager", district_, {useradmin_role});
  Principal who = As(manager);
  auto escalate = CreateUser(
      sql(), who, {"newadmin", "新管理员", "", team_, {admin_role}, "Good@Pass1"}, Now());
  ASSERT_FALSE(escalate.ok());
  EXPECT_EQ(escalate.error().code, "auth.cannot_grant");
  auto wide_role = CreateRole(
      sql(), who, {"wide", "更大范围", DataScope::kAll, {"system:user:list"}, ""}, Now());
  ASSERT_FALSE(wide_role.ok());
  EXPECT_EQ(wide_role.error().code, "auth.cannot_grant");
  auto more_perms = CreateRole(
      sql(), who, {"more", "更多权限", DataScope::kDept, {"system:dept:remove"}, ""}, Now());
  ASSERT_FALSE(more_perms.ok());
  EXPECT_TRUE(CreateRole(sql(), who,
                         {"less", "较少权限", DataScope::kDept, {"system:user:list"}, ""}, Now())
                  .ok());
  // Editing a user who holds a role the editor could not grant keeps it, and may remove it.
  int64_t admin_user = User("someadmin", team_, {admin_role});
  EXPECT_TRUE(
      UpdateUser(sql(), who, admin_user, {"", "改名", "", team_, {admin_role}, ""}, Now()).ok());
  EXPECT_TRUE(UpdateUser(sql(), who, admin_user, {"", "改名", "", team_, {}, ""}, Now()).ok());
  EXPECT_FALSE(
      UpdateUser(sql(), who, admin_user, {"", "改名", "", team_, {admin_role}, ""}, Now()).ok());
  auto outside = CreateUser(sql(), who, {"outsider", "外部", "", office_, {}, "Good@Pass1"}, Now());
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().details.at("field"), "department_id");
}

TEST_P(AdminTest, RolesInUseAndBuiltinRolesStay) {
  int64_t role = RoleWith("temp", DataScope::kSelf, {});
  User("holder", team_, {role});
  auto in_use = RemoveRole(sql(), root_, role);
  ASSERT_FALSE(in_use.ok());
  EXPECT_EQ(in_use.error().code, "conflict.in_use");
  int64_t admin_role = repo::GetRoleByCode(sql(), kAdminRoleCode)->id;
  EXPECT_FALSE(RemoveRole(sql(), root_, admin_role).ok());
  EXPECT_FALSE(
      UpdateRole(sql(), root_, admin_role, {"admin", "改名", DataScope::kAll, {}, ""}, Now()).ok());
}

TEST_P(AdminTest, DuplicateUsernameIsAConflict) {
  User("same", team_);
  auto again = CreateUser(sql(), root_, {"same", "同名", "", team_, {}, "Good@Pass1"}, Now());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "conflict.duplicate");
  EXPECT_EQ(again.error().details.at("field"), "username");
}

SSJ_BOTH_BACKENDS(AdminTest);

}  // namespace
}  // namespace ssj::org
