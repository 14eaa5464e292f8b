// Pure rules of the organisation module: the password policy, field checks, scopes.
#include "org/org.h"

#include <gtest/gtest.h>

namespace ssj::org {
namespace {

TEST(PasswordPolicyTest, Table) {
  struct Case {
    const char* password;
    bool ok;
  };
  const Case cases[] = {
      {"Admin@2026", true}, {"abcDEF12", true},
      {"abc@1234", true},   {"ABC@1234", true},
      {"abcdefgh", false},  {"abcd1234", false},
      {"Ab1@", false},      {"ABCDEFG1", false},
      {"zhangsan", false},  {std::string(65, 'a').c_str(), false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CheckPasswordPolicy("user", c.password).ok(), c.ok) << c.password;
  }
  auto same = CheckPasswordPolicy("Abc@12345", "Abc@12345");
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().message, "密码不能与用户名相同");
}

TEST(UsernameTest, Table) {
  for (const char* ok : {"admin", "zhang.san", "li-si_2", "abc"})
    EXPECT_TRUE(CheckUsername(ok).ok()) << ok;
  for (const char* bad : {"ab", "Admin", "1abc", "张三", "a b c", ""})
    EXPECT_FALSE(CheckUsername(bad).ok()) << bad;
}

TEST(DepartmentCheckTest, LevelsTypesAndDivisions) {
  DepartmentInput in{std::nullopt, "YZ-JXW", "渝中区经济和信息化委员会", "county", "500103",
                     "agency",     0};
  EXPECT_TRUE(CheckDepartment(in).ok());
  in.level = "town";
  EXPECT_EQ(CheckDepartment(in).error().details.at("field"), "level");
  in.level = "county";
  in.division_code = "500100";  // 市辖区: not in the 2024 list
  EXPECT_EQ(CheckDepartment(in).error().details.at("field"), "division_code");
  in.division_code = "500103";
  in.name = "渝";
  EXPECT_EQ(CheckDepartment(in).error().details.at("field"), "name");
}

TEST(ScopeTest, ParseAndWidest) {
  EXPECT_EQ(ParseScope("dept_tree").value(), DataScope::kDeptTree);
  EXPECT_FALSE(ParseScope("everything").ok());
  EXPECT_EQ(Widest(DataScope::kSelf, DataScope::kDept), DataScope::kDept);
  EXPECT_EQ(Widest(DataScope::kAll, DataScope::kDept), DataScope::kAll);
  EXPECT_EQ(ScopeLabel(DataScope::kDeptTree), "本部门及以下");
}

TEST(ScopeTest, DepartmentInScope) {
  Principal p;
  p.department_id = 4;
  p.department_path = "/1/4/";
  p.scope = DataScope::kDeptTree;
  EXPECT_TRUE(DepartmentInScope(p, 9, "/1/4/9/"));
  EXPECT_TRUE(DepartmentInScope(p, 4, "/1/4/"));
  EXPECT_FALSE(DepartmentInScope(p, 1, "/1/"));
  EXPECT_FALSE(DepartmentInScope(p, 41, "/1/41/"));  // a prefix of digits is not a subtree
  p.scope = DataScope::kDept;
  EXPECT_FALSE(DepartmentInScope(p, 9, "/1/4/9/"));
}

}  // namespace
}  // namespace ssj::org
