#include <gtest/gtest.h>

#include "http/api.h"
#include "http/static_files.h"

namespace ssj::http {
namespace {

Route Make(Method method, std::string pattern) {
  Route r;
  r.method = method;
  r.pattern = std::move(pattern);
  r.access = Access::kAuthenticated;
  r.audit_tag = IsWrite(method) ? "t" : "";
  r.handler = [](Request&) -> Result<Response> { return JsonResponse(nullptr); };
  return r;
}

TEST(RouterTest, MatchesParamsAndReportsAllowedMethods) {
  Router router;
  router.Add(Make(Method::kGet, "/api/v1/users"));
  router.Add(Make(Method::kPut, "/api/v1/users/{id}"));
  router.Add(Make(Method::kPost, "/api/v1/users/{id}/reset-password"));
  Match m = router.Find(Method::kPut, "/api/v1/users/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "42");
  Match wrong = router.Find(Method::kDelete, "/api/v1/users/42");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_EQ(wrong.allowed, std::vector<Method>{Method::kPut});
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/users/42/x").route, nullptr);
}

TEST(RouterTest, RefusesRoutesWithoutAuditOrPermission) {
  Router router;
  Route no_audit = Make(Method::kPost, "/x");
  no_audit.audit_tag.clear();
  EXPECT_THROW(router.Add(no_audit), std::logic_error);
  Route no_permission = Make(Method::kGet, "/y");
  no_permission.access = Access::kPermission;
  EXPECT_THROW(router.Add(no_permission), std::logic_error);
  router.Add(Make(Method::kGet, "/z"));
  EXPECT_THROW(router.Add(Make(Method::kGet, "/z")), std::logic_error);
}

TEST(StaticFilesTest, MimeTypes) {
  EXPECT_EQ(MimeType("/assets/index-abc.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(MimeType("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(MimeType("/x.WOFF2"), "font/woff2");
  EXPECT_EQ(MimeType("/x.unknown"), "application/octet-stream");
}

TEST(StaticFilesTest, RefusesTraversalAndFallsBackForRoutes) {
  EXPECT_FALSE(LoadStatic("/etc", "/../etc/passwd").has_value());
  EXPECT_FALSE(LoadStatic("", "/").has_value());
}

}  // namespace
}  // namespace ssj::http
