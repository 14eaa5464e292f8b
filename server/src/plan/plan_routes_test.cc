// Annual plans through the HTTP pipeline on both backends, with the demo loaded: the whole
// lifecycle with an adjustment whose published predecessor stays public, self-approval refused,
// bad rows named and nothing written, the data scope, the publish-by flag at the test clock
// (2026-11-18) and a merge suggestion between two departments.
#include <gtest/gtest.h>

#include "catalog/catalog_repo.h"
#include "org/org_repo.h"
#include "testing/api_test.h"

namespace ssj::plan {
namespace {

using http::Method;
namespace json = boost::json;

class PlanRoutesTest : public testing::ApiTest {
 protected:
  int64_t ItemId(const std::string& code) {
    db::Lease sql = database().Acquire();
    auto found = catalog::repo::FindByCode(*sql, code);
    EXPECT_TRUE(found) << code;
    return found ? found->id : 0;
  }

  // Audit entries about plans (logins are audited too).
  int64_t PlanEntries() {
    db::Lease sql = database().Acquire();
    return db::Query(
               "SELECT COUNT(*) FROM audit_log WHERE object_type = 'plan' AND action NOT LIKE "
               "'%:refused'")
        .ScalarInt(*sql);
  }

  json::value Row(const std::string& code, const std::string& ratio, std::string start,
                  std::string end, std::string scope = "") {
    return {{"item_id", ItemId(code)},
            {"target_scope", scope},
            {"start_date", start},
            {"end_date", end},
            {"ratio", ratio}};
  }

  json::value Plan2027(const std::string& name, json::array rows) {
    return {{"year", 2027}, {"name", name}, {"rows", std::move(rows)}};
  }

  // Creates a plan as the logged-in user; returns its id.
  int64_t Create(const json::value& body) {
    http::Response r = Call(Method::kPost, "/api/v1/plans", body);
    EXPECT_EQ(r.status, 201) << json::serialize(r.body);
    return r.status == 201 ? r.body.at("id").as_int64() : 0;
  }

  http::Response Act(int64_t id, const std::string& action, json::value body = nullptr) {
    return Call(Method::kPost, "/api/v1/plans/" + std::to_string(id) + "/" + action,
                std::move(body));
  }

  json::array PublicPlans() {
    token_.clear();
    csrf_.clear();
    http::Response r = Call(Method::kGet, "/api/v1/public/plans", nullptr, false);
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    return r.body.at("items").as_array();
  }
};

TEST_P(PlanRoutesTest, FullLifecycleWithAnAdjustmentThatKeepsThePublishedVersion) {
  LoginAs("yewu", "Demo@2026");
  const int64_t id =
      Create(Plan2027("2027 年度节能监察随机抽查计划",
                      {Row("CQJXW-JNZY-002", "3", "2027-04-01", "2027-06-30", "全市工业企业"),
                       Row("CQJXW-XFP-001", "20", "2027-05-01", "2027-09-30")}));
  ASSERT_GT(id, 0);
  const std::string path = "/api/v1/plans/" + std::to_string(id);
  http::Response got = Call(Method::kGet, path);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body.at("status"), "draft");
  EXPECT_EQ(got.body.at("department_name"), "节能与综合利用处");
  EXPECT_EQ(got.body.at("rows").at(0).at("category"), "一般");
  EXPECT_EQ(got.body.at("rows").at(1).at("category"), "重点");
  EXPECT_TRUE(PublicPlans().empty());

  LoginAs("yewu", "Demo@2026");
  EXPECT_EQ(Act(id, "publish").status, 409);  // not approved yet
  ASSERT_EQ(Act(id, "submit").status, 200);
  EXPECT_EQ(Act(id, "approve").status, 403);  // staff hold no approval permission
  LoginAs("fuzeren", "Demo@2026");
  http::Response approved = Act(id, "approve", {{"reason", "同意"}});
  ASSERT_EQ(approved.status, 200) << json::serialize(approved.body);
  EXPECT_EQ(approved.body.at("status"), "approved");
  LoginAs("yewu", "Demo@2026");
  http::Response published = Act(id, "publish");
  ASSERT_EQ(published.status, 200) << json::serialize(published.body);
  EXPECT_EQ(published.body.at("published_version"), 1);

  json::array portal = PublicPlans();
  ASSERT_EQ(portal.size(), 1u);
  EXPECT_EQ(portal[0].at("name"), "2027 年度节能监察随机抽查计划");
  EXPECT_EQ(portal[0].at("version"), 1);
  EXPECT_EQ(portal[0].at("rows").as_array().size(), 2u);
  EXPECT_FALSE(portal[0].as_object().contains("status"));

  // Adjust: a new draft; the published version stays on the portal.
  LoginAs("yewu", "Demo@2026");
  EXPECT_EQ(Act(id, "adjust", {{"reason", ""}}).status, 400);
  http::Response adjusted = Act(id, "adjust", {{"reason", "省级部署新增专项检查"}});
  ASSERT_EQ(adjusted.status, 200) << json::serialize(adjusted.body);
  EXPECT_EQ(adjusted.body.at("version"), 2);
  EXPECT_EQ(adjusted.body.at("status"), "draft");
  http::Response edited =
      Call(Method::kPut, path,
           Plan2027("2027 年度节能监察随机抽查计划（调整）",
                    {Row("CQJXW-JNZY-002", "2.5", "2027-04-01", "2027-07-31", "全市工业企业")}));
  ASSERT_EQ(edited.status, 200) << json::serialize(edited.body);
  portal = PublicPlans();
  ASSERT_EQ(portal.size(), 1u);
  EXPECT_EQ(portal[0].at("version"), 1);
  EXPECT_EQ(portal[0].at("rows").as_array().size(), 2u);

  LoginAs("yewu", "Demo@2026");
  ASSERT_EQ(Act(id, "submit").status, 200);
  LoginAs("tongchou", "Demo@2026");
  ASSERT_EQ(Act(id, "approve").status, 200);
  LoginAs("yewu", "Demo@2026");
  ASSERT_EQ(Act(id, "publish").status, 200);
  portal = PublicPlans();
  ASSERT_EQ(portal.size(), 1u);
  EXPECT_EQ(portal[0].at("version"), 2);
  EXPECT_EQ(portal[0].at("name"), "2027 年度节能监察随机抽查计划（调整）");
  EXPECT_EQ(portal[0].at("rows").at(0).at("ratio"), "2.5");

  LoginAs("yewu", "Demo@2026");
  got = Call(Method::kGet, path);
  ASSERT_EQ(got.status, 200);
  const json::array& versions = got.body.at("versions").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("status"), "published");
  EXPECT_EQ(versions[0].at("adjust_reason"), "省级部署新增专项检查");
  EXPECT_EQ(versions[1].at("status"), "superseded");
  EXPECT_EQ(versions[1].at("data").at("rows").as_array().size(), 2u);
  const json::array& approvals = got.body.at("approvals").as_array();
  ASSERT_EQ(approvals.size(), 2u);
  EXPECT_EQ(approvals[0].at("decided_by"), "陈志强");
  EXPECT_EQ(approvals[0].at("reason"), "同意");
  EXPECT_EQ(approvals[1].at("decided_by"), "周晓梅");
  EXPECT_EQ(approvals[1].at("submitted_by"), "刘建国");
  // create, submit, approve, publish, adjust, update, submit, approve, publish.
  EXPECT_EQ(PlanEntries(), 9);
}

TEST_P(PlanRoutesTest, ApprovingOnesOwnSubmissionIsRefused) {
  LoginAs("tongchou", "Demo@2026");
  const int64_t id = Create(
      Plan2027("2027 年度民爆行业安全检查计划",
               {Row("CQJXW-ZHZF-001", "10", "2027-03-01", "2027-05-31", "民用爆炸物品生产企业")}));
  ASSERT_GT(id, 0);
  ASSERT_EQ(Act(id, "submit").status, 200);
  const int64_t entries = PlanEntries();
  http::Response own = Act(id, "approve");
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(own.body.at("code"), "plan.self_approval");
  EXPECT_EQ(Act(id, "reject", {{"reason", "自审"}}).body.at("code"), "plan.self_approval");
  // Refusals are not audited (the pipeline records only what was done) and change nothing.
  EXPECT_EQ(PlanEntries(), entries);
  http::Response got = Call(Method::kGet, "/api/v1/plans/" + std::to_string(id));
  EXPECT_EQ(got.body.at("status"), "submitted");
  EXPECT_TRUE(got.body.at("approvals").as_array().empty());

  LoginAs("fuzeren", "Demo@2026");
  EXPECT_EQ(Act(id, "reject").status, 400);  // a rejection needs its reason
  http::Response rejected = Act(id, "reject", {{"reason", "抽查比例过高"}});
  ASSERT_EQ(rejected.status, 200) << json::serialize(rejected.body);
  EXPECT_EQ(rejected.body.at("status"), "draft");
  EXPECT_EQ(PlanEntries(), entries + 1);
}

TEST_P(PlanRoutesTest, BadRowsAreNamedPreciselyAndNothingIsWritten) {
  LoginAs("yewu", "Demo@2026");
  const int64_t entries = PlanEntries();
  struct Case {
    std::string name;
    json::value body;
    std::string field;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      // JNZY-001's published cap is 5%; its pending draft's 8% is not in force.
      {"above the published cap",
       Plan2027("甲", {Row("CQJXW-JNZY-002", "3", "2027-04-01", "2027-04-30"),
                       Row("CQJXW-JNZY-001", "6", "2027-04-01", "2027-04-30")}),
       "rows[1].ratio",
       "第 2 行（重点用能单位节能监察）：一般检查事项的抽查比例 6% 超过该事项的比例上限 5%"},
      {"draft item", Plan2027("甲", {Row("CQJXW-JNZY-003", "3", "2027-04-01", "2027-04-30")}),
       "rows[0].item_id", "尚未发布"},
      {"outside the year", Plan2027("甲", {Row("CQJXW-JNZY-002", "3", "2027-04-01", "2028-01-10")}),
       "rows[0].end_date", "不在计划年度 2027 年内"},
      {"no rows", Plan2027("甲", {}), "rows", "至少"},
      {"bad year", {{"year", 1999}, {"name", "甲"}, {"rows", json::array{}}}, "year", "1999"},
      {"count not a number",
       Plan2027("甲", {{{"item_id", ItemId("CQJXW-JNZY-002")},
                        {"start_date", "2027-04-01"},
                        {"end_date", "2027-04-30"},
                        {"count", "三十"}}}),
       "rows[0].count", "第 1 行"},
      {"unknown cooperating department",
       Plan2027("甲", {{{"item_id", ItemId("CQJXW-JNZY-002")},
                        {"start_date", "2027-04-01"},
                        {"end_date", "2027-04-30"},
                        {"ratio", "3"},
                        {"cooperating_ids", json::array{99999}}}}),
       "rows[0].cooperating_ids", "配合部门不存在"},
  };
  for (const Case& c : cases) {
    http::Response r = Call(Method::kPost, "/api/v1/plans", c.body);
    EXPECT_EQ(r.status, 400) << c.name << json::serialize(r.body);
    EXPECT_EQ(r.body.at("details").at("field"), json::value(c.field))
        << c.name << json::serialize(r.body);
    EXPECT_NE(std::string(r.body.at("message").as_string()).find(c.message_part), std::string::npos)
        << c.name << ": " << json::serialize(r.body);
  }
  EXPECT_EQ(PlanEntries(), entries);
  http::Response list = Call(Method::kGet, "/api/v1/plans");
  EXPECT_EQ(list.body.at("total"), 0);
}

TEST_P(PlanRoutesTest, DataScopeLimitsListsReadsAndTheInitiatingDepartment) {
  LoginAs("dazu", "Demo@2026");
  const int64_t dazu_plan = Create(
      Plan2027("大足区 2027 年度计划", {Row("DZ-JXW-001", "10", "2027-04-01", "2027-06-30")}));
  ASSERT_GT(dazu_plan, 0);

  LoginAs("yewu", "Demo@2026");
  const int64_t yewu_plan = Create(
      Plan2027("节能 2027 年度计划", {Row("CQJXW-JNZY-002", "3", "2027-04-01", "2027-06-30")}));
  ASSERT_GT(yewu_plan, 0);
  http::Response list = Call(Method::kGet, "/api/v1/plans");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.at("total"), 1);
  EXPECT_EQ(list.body.at("items").at(0).at("id"), yewu_plan);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/plans/" + std::to_string(dazu_plan)).status, 404);
  EXPECT_EQ(Act(dazu_plan, "submit").status, 404);
  // Not for another department outside the scope either.
  json::value other =
      Plan2027("越权计划", {Row("CQJXW-JNZY-002", "3", "2027-04-01", "2027-06-30")});
  db::Lease sql = database().Acquire();
  other.as_object()["department_id"] = org::repo::GetDepartmentByCode(*sql, "DZ-JXW")->id;
  http::Response refused = Call(Method::kPost, "/api/v1/plans", other);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.body.at("details").at("field"), "department_id");

  LoginAs("tongchou", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/plans").body.at("total"), 2);
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/plans").status, 403);
}

TEST_P(PlanRoutesTest, PlansNotPublishedBy31MarchAreFlagged) {
  // The test clock stands at 2026-11-18; cq-joint's plans are public by 03-31.
  LoginAs("yewu", "Demo@2026");
  json::value late =
      Plan2027("2026 年度计划", {Row("CQJXW-JNZY-002", "3", "2026-04-01", "2026-12-31")});
  late.as_object()["year"] = 2026;
  const int64_t late_id = Create(late);
  json::value published = late;
  published.as_object()["name"] = "2026 年度补充计划";
  const int64_t published_id = Create(published);
  const int64_t next_year =
      Create(Plan2027("2027 年度计划", {Row("CQJXW-JNZY-002", "3", "2027-04-01", "2027-12-31")}));
  ASSERT_EQ(Act(published_id, "submit").status, 200);
  LoginAs("fuzeren", "Demo@2026");
  ASSERT_EQ(Act(published_id, "approve").status, 200);
  LoginAs("yewu", "Demo@2026");
  ASSERT_EQ(Act(published_id, "publish").status, 200);

  http::Response overdue = Call(Method::kGet, "/api/v1/plans/overdue");
  ASSERT_EQ(overdue.status, 200) << json::serialize(overdue.body);
  EXPECT_EQ(overdue.body.at("today"), "2026-11-18");
  EXPECT_EQ(overdue.body.at("publish_by"), "03-31");
  const json::array& items = overdue.body.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("id"), late_id);
  EXPECT_EQ(items[0].at("deadline").at("publish_by"), "2026-03-31");

  http::Response list = Call(Method::kGet, "/api/v1/plans");
  for (const json::value& plan : list.body.at("items").as_array()) {
    const int64_t id = plan.at("id").as_int64();
    const json::value& deadline = plan.at("deadline");
    EXPECT_EQ(deadline.at("overdue").as_bool(), id == late_id) << id;
    EXPECT_EQ(deadline.at("published_late").as_bool(), id == published_id) << id;
    if (id == next_year) EXPECT_EQ(deadline.at("publish_by"), "2027-03-31");
  }
}

TEST_P(PlanRoutesTest, TwoDepartmentsInTheSameDomainAreSuggestedAJointInspection) {
  LoginAs("tongchou", "Demo@2026");
  const int64_t city = Create(
      Plan2027("民爆生产企业检查计划", {Row("CQJXW-ZHZF-001", "10", "2027-04-01", "2027-06-30")}));
  LoginAs("dazu", "Demo@2026");
  const int64_t county = Create(
      Plan2027("民爆销售企业检查计划", {Row("DZ-JXW-001", "10", "2027-06-01", "2027-08-31")}));
  ASSERT_GT(city, 0);
  ASSERT_GT(county, 0);
  // Within its own scope dazu has no other department to merge with.
  http::Response own =
      Call(Method::kGet, "/api/v1/plans/merge-suggestions", nullptr, false, {{"year", "2027"}});
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(own.body.at("items").as_array().empty());

  LoginAs("tongchou", "Demo@2026");
  http::Response r =
      Call(Method::kGet, "/api/v1/plans/merge-suggestions", nullptr, false, {{"year", "2027"}});
  ASSERT_EQ(r.status, 200) << json::serialize(r.body);
  const json::array& items = r.body.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("first").at("plan_id"), city);
  EXPECT_EQ(items[0].at("second").at("plan_id"), county);
  EXPECT_EQ(items[0].at("reason"),
            "同属抽查领域“民用爆炸物品”，抽查时间在 2027-06-01 至 2027-06-30 重叠："
            "综合执法处与大足区经济和信息化委员会可开展联合抽查（进一次门、查多项事）");
  EXPECT_TRUE(
      Call(Method::kGet, "/api/v1/plans/merge-suggestions", nullptr, false, {{"year", "2026"}})
          .body.at("items")
          .as_array()
          .empty());
}

SSJ_BOTH_BACKENDS(PlanRoutesTest);

}  // namespace
}  // namespace ssj::plan
