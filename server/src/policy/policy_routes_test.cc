// The policy's routes on both backends, with the demo loaded: any signed-in user reads the
// policy in force and the shipped profiles; the administrator switches profile and adjusts a
// value (audited, with before and after); bad input or another user changes nothing.
#include <gtest/gtest.h>

#include <functional>

#include "policy/policy.h"
#include "testing/api_test.h"

namespace ssj::policy {
namespace {

using http::Method;
namespace json = boost::json;

class PolicyRoutesTest : public testing::ApiTest {
 protected:
  audit::Page PolicyEntries() {
    db::Lease sql = database().Acquire();
    audit::ListFilter filter;
    filter.object_type = "policy";
    return audit::List(*sql, filter);
  }

  const json::object& Setting(const http::Response& r, std::string_view key) {
    for (const json::value& s : r.body.at("settings").as_array()) {
      if (s.at("key").as_string() == key) return s.as_object();
    }
    ADD_FAILURE() << "no setting " << key;
    static const json::object kNone;
    return kNone;
  }
};

TEST_P(PolicyRoutesTest, AnySignedInUserReadsThePolicyWithItsSources) {
  EXPECT_EQ(Call(Method::kGet, "/api/v1/policy").status, 401);
  LoginAs("jiancha", "Demo@2026");  // an inspector, with no permission at all

  http::Response r = Call(Method::kGet, "/api/v1/policy");
  ASSERT_EQ(r.status, 200) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("profile_id"), "cq-joint");
  EXPECT_EQ(r.body.at("name"), "重庆市部门联合抽查");
  EXPECT_EQ(r.body.at("configured"), false);
  EXPECT_EQ(r.body.at("default_profile_id"), "cq-joint");
  EXPECT_EQ(r.body.at("adjusted_count"), 0);
  EXPECT_EQ(r.body.at("publication_days"), 20);
  EXPECT_EQ(r.body.at("document").at("file"), "003");
  EXPECT_EQ(r.body.at("values").at("publish_days"), 20);
  EXPECT_EQ(r.body.at("values").at("min_inspectors"), 2);
  EXPECT_EQ(r.body.at("values").at("plan_publish_by"), "03-31");
  EXPECT_TRUE(r.body.at("values").at("yearly_cap").is_null());  // 003 is silent
  EXPECT_EQ(r.body.at("settings").as_array().size(), Specs().size());
  const json::object& publish = Setting(r, "publish_days");
  EXPECT_EQ(publish.at("label"), "检查结束后公示抽查结果的期限");
  EXPECT_EQ(publish.at("unit"), "个工作日");
  EXPECT_EQ(publish.at("kind"), "working_days");
  EXPECT_EQ(publish.at("source"), "003「公示检查结果」");
  EXPECT_NE(std::string(publish.at("quote").as_string()).find("20个工作日内"), std::string::npos);
  EXPECT_EQ(publish.at("adjusted"), false);
  const json::object& inspectors = Setting(r, "min_inspectors");
  EXPECT_EQ(inspectors.at("national"), true);
  EXPECT_EQ(inspectors.at("source"), "《中华人民共和国行政处罚法》第四十二条");

  http::Response profiles = Call(Method::kGet, "/api/v1/policy/profiles");
  ASSERT_EQ(profiles.status, 200) << json::serialize(profiles.body);
  const json::array& items = profiles.body.at("items").as_array();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].at("id"), "miit");
  EXPECT_EQ(items[0].at("publication_days"), 30);
  EXPECT_EQ(items[4].at("id"), "zibo-gxj");
  EXPECT_EQ(items[4].at("publication_days"), 7);
  EXPECT_EQ(items[4].at("document").at("valid_until"), "2025-06-05");
  const json::array& specs = profiles.body.at("specs").as_array();
  ASSERT_EQ(specs.size(), Specs().size());
  for (const json::value& spec : specs) {
    if (spec.at("key") != "min_inspectors") continue;
    EXPECT_EQ(spec.at("min"), 2);
    EXPECT_EQ(spec.at("required"), true);
  }
}

TEST_P(PolicyRoutesTest, TheAdministratorSwitchesProfileAndAdjustsAValueWithAudit) {
  LoginAs("admin", "Admin@2026");
  const int64_t audit_before = AuditCount();
  http::Response zibo =
      Call(Method::kPut, "/api/v1/policy",
           {{"profile_id", "zibo-gxj"}, {"reason", "本局执行淄工信发〔2020〕5号"}});
  ASSERT_EQ(zibo.status, 200) << json::serialize(zibo.body);
  EXPECT_EQ(zibo.body.at("profile_id"), "zibo-gxj");
  EXPECT_EQ(zibo.body.at("configured"), true);
  EXPECT_EQ(zibo.body.at("changed_by"), "系统管理员");
  EXPECT_EQ(zibo.body.at("values").at("yearly_cap"), 2);
  EXPECT_EQ(zibo.body.at("values").at("objection_window_days"), 60);
  EXPECT_EQ(AuditCount(), audit_before + 1);
  {
    audit::Page entries = PolicyEntries();
    ASSERT_EQ(entries.total, 1);
    EXPECT_EQ(entries.items[0].action, "system:policy:edit");
    EXPECT_EQ(entries.items[0].object_id, "zibo-gxj");
    EXPECT_EQ(entries.items[0].username, "admin");
    json::value before = json::parse(*entries.items[0].before_json);
    EXPECT_EQ(before.at("profile_id"), "cq-joint");
    EXPECT_EQ(before.at("configured"), false);
    json::value after = json::parse(*entries.items[0].after_json);
    EXPECT_EQ(after.at("profile_id"), "zibo-gxj");
    EXPECT_EQ(after.at("values").at("yearly_cap"), 2);
  }

  // Without profile_id the profile in force is adjusted.
  http::Response adjusted = Call(
      Method::kPut, "/api/v1/policy",
      {{"overrides", {{"yearly_cap", 1}, {"archive_days", 30}}}, {"reason", "市局2026年补充通知"}});
  ASSERT_EQ(adjusted.status, 200) << json::serialize(adjusted.body);
  EXPECT_EQ(adjusted.body.at("profile_id"), "zibo-gxj");
  EXPECT_EQ(adjusted.body.at("adjusted_count"), 1);  // archive_days 30 is as shipped
  const json::object& cap = Setting(adjusted, "yearly_cap");
  EXPECT_EQ(cap.at("value"), 1);
  EXPECT_EQ(cap.at("base_value"), 2);
  EXPECT_EQ(cap.at("adjusted"), true);
  EXPECT_EQ(cap.at("reason"), "市局2026年补充通知");
  EXPECT_EQ(cap.at("adjusted_by"), "系统管理员");
  EXPECT_EQ(cap.at("source"), "004 第十二条第一款");  // the shipped value's source stays shown
  EXPECT_EQ(Setting(adjusted, "archive_days").at("adjusted"), false);
  {
    audit::Page entries = PolicyEntries();
    ASSERT_EQ(entries.total, 2);
    // Newest first.
    json::value before = json::parse(*entries.items[0].before_json);
    json::value after = json::parse(*entries.items[0].after_json);
    EXPECT_EQ(before.at("values").at("yearly_cap"), 2);
    EXPECT_EQ(after.at("values").at("yearly_cap"), 1);
    EXPECT_EQ(after.at("overrides"), json::value(json::object{{"yearly_cap", 1}}));
  }

  // Every user reads the adjusted value.
  LoginAs("yewu", "Demo@2026");
  http::Response seen = Call(Method::kGet, "/api/v1/policy");
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body.at("values").at("yearly_cap"), 1);

  // Switching profile replaces the adjustments.
  LoginAs("admin", "Admin@2026");
  http::Response miit = Call(Method::kPut, "/api/v1/policy",
                             {{"profile_id", "miit"}, {"reason", "改为执行工信部办法"}});
  ASSERT_EQ(miit.status, 200) << json::serialize(miit.body);
  EXPECT_EQ(miit.body.at("adjusted_count"), 0);
  EXPECT_EQ(miit.body.at("values").at("publish_days"), 30);
  EXPECT_EQ(miit.body.at("values").at("yearly_cap"), 1);
  EXPECT_EQ(miit.body.at("values").at("cross_office_exclusion"), "quarter");
  EXPECT_EQ(PolicyEntries().total, 3);
}

TEST_P(PolicyRoutesTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  LoginAs("admin", "Admin@2026");
  const int64_t audit_before = AuditCount();
  struct Case {
    const char* what;
    json::value body;
    const char* field;
    const char* value;  // "" when none is echoed
  };
  const char* kReason = "测试";
  const Case cases[] = {
      {"not an object", json::array{1}, "profile_id", ""},
      {"unknown profile",
       {{"profile_id", "beijing"}, {"reason", kReason}},
       "profile_id",
       "beijing"},
      {"no reason", {{"profile_id", "miit"}}, "reason", ""},
      {"overrides not an object",
       {{"overrides", json::array{}}, {"reason", kReason}},
       "overrides",
       "[]"},
      {"unknown setting",
       {{"overrides", {{"speed_limit", 1}}}, {"reason", kReason}},
       "overrides",
       "speed_limit"},
      {"one inspector",
       {{"overrides", {{"min_inspectors", 1}}}, {"reason", kReason}},
       "min_inspectors",
       "1"},
      {"a deadline of 0",
       {{"overrides", {{"publish_days", 0}}}, {"reason", kReason}},
       "publish_days",
       "0"},
      {"a deadline too far",
       {{"overrides", {{"archive_days", 400}}}, {"reason", kReason}},
       "archive_days",
       "400"},
      {"a rule removed",
       {{"overrides", {{"publish_days", nullptr}}}, {"reason", kReason}},
       "publish_days",
       "null"},
      {"a bad date",
       {{"overrides", {{"plan_publish_by", "3月31日"}}}, {"reason", kReason}},
       "plan_publish_by",
       "3月31日"},
      // Valid alone, but the change as a whole (on cq-joint) is not: then nothing is stored.
      {"one objection deadline",
       {{"overrides", {{"yearly_cap", 1}, {"objection_window_days", 60}}}, {"reason", kReason}},
       "objection_review_days",
       ""},
  };
  for (const Case& k : cases) {
    http::Response r = Call(Method::kPut, "/api/v1/policy", k.body);
    EXPECT_EQ(r.status, 400) << k.what << ": " << json::serialize(r.body);
    EXPECT_EQ(r.body.at("code"), "request.invalid_field") << k.what;
    EXPECT_EQ(r.body.at("details").at("field"), k.field) << k.what << json::serialize(r.body);
    if (*k.value) {
      EXPECT_EQ(r.body.at("details").at("value"), k.value) << k.what << json::serialize(r.body);
      EXPECT_NE(std::string(r.body.at("message").as_string()).find(k.value), std::string::npos)
          << k.what << ": " << json::serialize(r.body);
    }
  }
  http::Response r = Call(Method::kGet, "/api/v1/policy");
  EXPECT_EQ(r.body.at("profile_id"), "cq-joint");
  EXPECT_EQ(r.body.at("configured"), false);
  EXPECT_EQ(r.body.at("adjusted_count"), 0);
  EXPECT_TRUE(r.body.at("values").at("yearly_cap").is_null());
  EXPECT_EQ(AuditCount(), audit_before);
  db::Lease sql = database().Acquire();
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM policy_choice").ScalarInt(*sql), 0);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM policy_overrides").ScalarInt(*sql), 0);
}

TEST_P(PolicyRoutesTest, OnlyAnAdministratorChangesThePolicy) {
  const json::value body = {{"profile_id", "miit"}, {"reason", "越权尝试"}};
  for (const char* username : {"tongchou", "yewu", "fuzeren", "jiancha"}) {
    LoginAs(username, "Demo@2026");
    http::Response r = Call(Method::kPut, "/api/v1/policy", body);
    EXPECT_EQ(r.status, 403) << username;
    EXPECT_EQ(r.body.at("details").at("permission"), "system:policy:edit") << username;
  }
  http::Response r = Call(Method::kGet, "/api/v1/policy");
  EXPECT_EQ(r.body.at("profile_id"), "cq-joint");
  EXPECT_EQ(PolicyEntries().total, 0);
  // The administrator's role holds the new permission (SyncAdminRole keeps it complete).
  LoginAs("admin", "Admin@2026");
  http::Response me = Call(Method::kGet, "/api/v1/auth/me");
  bool has = false;
  for (const json::value& p : me.body.at("permissions").as_array())
    has |= p == "system:policy:edit";
  EXPECT_TRUE(has);
}

SSJ_BOTH_BACKENDS(PolicyRoutesTest);

}  // namespace
}  // namespace ssj::policy
