// The request pipeline without sockets, on both backends: routing errors, authentication,
// CSRF, permissions, one audit entry per change in the same transaction, and rollbacks.
#include "http/pipeline.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "audit/audit_repo.h"
#include "testing/api_test.h"

namespace ssj::http {
namespace {

namespace json = boost::json;

using PipelineTest = testing::ApiTest;

TEST_P(PipelineTest, RoutingErrors) {
  EXPECT_EQ(Call(Method::kGet, "/api/v1/nowhere").status, 404);
  Response wrong_method = Call(Method::kDelete, "/api/v1/health");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.body.at("code"), "route.method_not_allowed");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/health").body.at("db"), json::value(GetParam()));
}

TEST_P(PipelineTest, ProtectedRoutesNeedASession) {
  Response r = Call(Method::kGet, "/api/v1/users");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body.at("code"), "auth.unauthenticated");
  EXPECT_FALSE(std::string(r.body.at("message").as_string()).empty());
}

TEST_P(PipelineTest, WritesNeedTheCsrfToken) {
  LoginAs("admin", "Admin@2026");
  int64_t before = AuditCount();
  Response r = Call(Method::kPost, "/api/v1/roles",
                    {{"code", "x1"}, {"name", "角色一"}, {"data_scope", "self"}}, false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body.at("code"), "csrf.invalid");
  EXPECT_EQ(AuditCount(), before);
}

TEST_P(PipelineTest, PermissionIsCheckedPerRoute) {
  LoginAs("jiancha", "Demo@2026");  // inspector: no system permissions
  Response r = Call(Method::kGet, "/api/v1/users");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body.at("details").at("permission"), "system:user:list");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/auth/me").status, 200);
}

TEST_P(PipelineTest, EachChangeWritesOneAuditEntry) {
  LoginAs("admin", "Admin@2026");
  int64_t before = AuditCount();
  Response r = Call(Method::kPost, "/api/v1/departments",
                    {{"parent_id", 1},
                     {"code", "NEW-DEPT"},
                     {"name", "新建处室"},
                     {"level", "province"},
                     {"division_code", "500000"},
                     {"type", "office"}});
  ASSERT_EQ(r.status, 201) << json::serialize(r.body);
  EXPECT_EQ(AuditCount(), before + 1);
  db::Lease sql = database().Acquire();
  auto latest = audit::List(*sql, audit::ListFilter{}).items.front();
  EXPECT_EQ(latest.action, "system:dept:add");
  EXPECT_EQ(latest.username, "admin");
  EXPECT_EQ(latest.ip, "10.1.2.3");
  EXPECT_EQ(latest.object_type, "department");
  EXPECT_EQ(latest.object_id, std::to_string(r.body.at("id").as_int64()));
}

TEST_P(PipelineTest, FailedChangesLeaveNoTrace) {
  LoginAs("admin", "Admin@2026");
  int64_t before = AuditCount();
  Response r = Call(
      Method::kPost, "/api/v1/users",
      {{"username", "newuser"}, {"name", "新用户"}, {"department_id", 1}, {"password", "weak"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.at("details").at("field"), "password");
  Response missing = Call(Method::kPost, "/api/v1/users", {{"username", "newuser"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.body.at("details").at("field"), "name");
  Response wrong_type = Call(Method::kPost, "/api/v1/departments", {{"parent_id", "one"}});
  EXPECT_EQ(wrong_type.body.at("details").at("field"), "parent_id");
  EXPECT_EQ(AuditCount(), before);
  // Each refusal is on record, without the refused password.
  EXPECT_EQ(RefusalCount(), 3);
  db::Lease sql = database().Acquire();
  audit::ListFilter filter;
  filter.action = "system:user:add:refused";
  auto refused = audit::List(*sql, filter);
  ASSERT_EQ(refused.total, 2);
  for (const auto& e : refused.items) {
    EXPECT_EQ(e.after_json->find("weak"), std::string::npos) << *e.after_json;
    EXPECT_NE(e.after_json->find("request.invalid_field"), std::string::npos) << *e.after_json;
  }
  EXPECT_EQ(Call(Method::kGet, "/api/v1/users", nullptr, true, {{"q", "newuser"}}).body.at("total"),
            0);
}

TEST_P(PipelineTest, PasswordsNeverReachTheAuditLog) {
  LoginAs("admin", "Admin@2026");
  Response r = Call(Method::kPost, "/api/v1/users",
                    {{"username", "wangwu"},
                     {"name", "王五"},
                     {"department_id", 2},
                     {"password", "Wangwu@2026"}});
  ASSERT_EQ(r.status, 201) << json::serialize(r.body);
  int64_t id = r.body.at("id").as_int64();
  ASSERT_EQ(Call(Method::kPost, "/api/v1/users/" + std::to_string(id) + "/reset-password",
                 {{"new_password", "Reset@2026x"}})
                .status,
            200);
  db::Lease sql = database().Acquire();
  audit::ListFilter all;
  all.page_size = 200;
  for (const auto& entry : audit::List(*sql, all).items) {
    for (const std::optional<std::string>& text : {entry.before_json, entry.after_json}) {
      if (!text) continue;
      EXPECT_EQ(text->find("Wangwu@2026"), std::string::npos);
      EXPECT_EQ(text->find("Reset@2026x"), std::string::npos);
      EXPECT_EQ(text->find("$argon2id$"), std::string::npos);
    }
  }
}

TEST_P(PipelineTest, PaginationIsValidated) {
  LoginAs("admin", "Admin@2026");
  Response r = Call(Method::kGet, "/api/v1/users", nullptr, true, {{"page_size", "500"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.at("details").at("field"), "page_size");
  Response ok =
      Call(Method::kGet, "/api/v1/users", nullptr, true, {{"page_size", "2"}, {"page", "2"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body.at("items").as_array().size(), 2u);
  EXPECT_EQ(ok.body.at("total"), static_cast<int64_t>(demo::Logins().size()));
}

TEST_P(PipelineTest, LogoutEndsTheSession) {
  LoginAs("yewu", "Demo@2026");
  EXPECT_EQ(Call(Method::kPost, "/api/v1/auth/logout").status, 200);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/auth/me").status, 401);
}

TEST_P(PipelineTest, OpenApiListsEveryRoute) {
  json::value doc = Call(Method::kGet, "/api/v1/openapi.json").body;
  size_t operations = 0;
  for (const auto& [path, methods] : doc.at("paths").as_object())
    operations += methods.as_object().size();
  EXPECT_EQ(operations, router_->routes().size());
  EXPECT_EQ(doc.at("paths").at("/api/v1/users").at("post").at("x-permission"), "system:user:add");
}

TEST_P(PipelineTest, UserFormOptionsFollowScopeAndGrantRights) {
  LoginAs("dazu", "Demo@2026");  // 业务处室 in 大足区: scope 本部门及以下, no role permissions
  Response r = Call(Method::kGet, "/api/v1/users/options");
  ASSERT_EQ(r.status, 200) << json::serialize(r.body);
  const auto& departments = r.body.at("departments").as_array();
  ASSERT_EQ(departments.size(), 1u);
  EXPECT_EQ(departments[0].at("code"), "DZ-JXW");
  for (const auto& role : r.body.at("roles").as_array()) {
    bool expected = role.at("code") == "staff" || role.at("code") == "inspector";
    EXPECT_EQ(role.at("grantable").as_bool(), expected) << json::serialize(role);
  }
}

SSJ_BOTH_BACKENDS(PipelineTest);

}  // namespace
}  // namespace ssj::http
