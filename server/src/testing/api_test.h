// Calls to the HTTP pipeline without sockets, as a logged-in user, on both backends, with the
// demo data loaded: the fixture of every route test.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "audit/audit_repo.h"
#include "demo/demo.h"
#include "http/pipeline.h"
#include "http/routes.h"
#include "testing/test_db.h"

namespace ssj::testing {

namespace json = boost::json;

class ApiTest : public DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    router_ = http::BuildRouter();
    ASSERT_TRUE(demo::Run(services(), /*targets=*/0).ok());  // each test makes its own
  }

  http::Response Call(http::Method method, const std::string& path, json::value body = nullptr,
                      bool with_csrf = true,
                      std::vector<std::pair<std::string, std::string>> query = {}) {
    http::Request req;
    req.method = method;
    req.path = path;
    req.query = std::move(query);
    req.body = std::move(body);
    req.ip = "10.1.2.3";
    req.session_token = token_;
    if (with_csrf) req.csrf_header = csrf_;
    return http::Dispatch(*router_, services(), req);
  }

  // POSTs a file as the raw body of an upload route.
  http::Response Upload(const std::string& path, std::string file,
                        std::vector<std::pair<std::string, std::string>> query = {}) {
    http::Request req;
    req.method = http::Method::kPost;
    req.path = path;
    req.query = std::move(query);
    req.upload = std::move(file);
    req.ip = "10.1.2.3";
    req.session_token = token_;
    req.csrf_header = csrf_;
    return http::Dispatch(*router_, services(), req);
  }

  void LoginAs(const std::string& username, const std::string& password) {
    http::Response r = Call(http::Method::kPost, "/api/v1/auth/login",
                            {{"username", username}, {"password", password}});
    ASSERT_EQ(r.status, 200) << json::serialize(r.body);
    csrf_ = std::string(r.body.at("csrf_token").as_string());
    for (const auto& [name, value] : r.headers) {
      if (name == "Set-Cookie") token_ = value.substr(12, 64);
    }
    ASSERT_EQ(token_.size(), 64u);
  }

  // Audit entries of changes; refused requests are counted by RefusalCount.
  int64_t AuditCount() {
    db::Lease sql = database().Acquire();
    return db::Query("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE '%:refused'")
        .ScalarInt(*sql);
  }
  int64_t RefusalCount() {
    db::Lease sql = database().Acquire();
    return db::Query("SELECT COUNT(*) FROM audit_log WHERE action LIKE '%:refused'")
        .ScalarInt(*sql);
  }

  std::unique_ptr<http::Router> router_;
  std::string token_;
  std::string csrf_;
};

}  // namespace ssj::testing
