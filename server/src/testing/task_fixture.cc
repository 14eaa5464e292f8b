#include "testing/task_fixture.h"

#include <cstdio>

#include "catalog/catalog_repo.h"
#include "codes/uscc.h"
#include "directory/directory_repo.h"

namespace ssj::testing {

using http::Method;

void TaskTest::SetUp() {
  ApiTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  db::Lease sql = database().Acquire();
  // 200 targets of 节能与综合利用处 (department 4) in four classes, 10 deregistered, 10 of
  // another department.
  for (int n = 0; n < 220; ++n) {
    directory::TargetInput t;
    char body[32];
    std::snprintf(body, sizeof body, "91500103MA%07d", n);
    t.code = std::string(body) + *codes::UsccCheckChar(body);
    t.name = "测试企业" + std::to_string(n) + "有限公司";
    t.nature = "企业";
    t.division_code = "500103";
    t.address = "重庆市渝中区测试路" + std::to_string(n) + "号";
    t.credit_class = std::string(1, static_cast<char>('A' + n % 4));
    t.department_id = n >= 210 ? 7 : 4;
    if (n >= 200 && n < 210) t.status = "注销";
    if (n % 50 == 3) t.tags = {"投诉举报多"};
    ids_.push_back(
        directory::repo::Insert(*sql, t, std::nullopt, "2026-11-18T00:00:00.000Z", "create"));
  }
}

int64_t TaskTest::ItemId(const std::string& code) {
  db::Lease sql = database().Acquire();
  return catalog::repo::FindByCode(*sql, code)->id;
}

json::value TaskTest::TaskBody(const std::string& name, std::string start, std::string end) {
  return {{"name", name},
          {"item_ids", json::array{ItemId("CQJXW-JNZY-001")}},
          {"start_date", start},
          {"end_date", end},
          {"strata", json::array{{{"id", "A"}, {"ratio", "2"}},
                                 {{"id", "B"}, {"ratio", 3}},
                                 {{"id", "C"}, {"ratio", "4"}},
                                 {{"id", "D"}, {"ratio", "5"}}}},
          {"raise_tags", json::array{"投诉举报多"}},
          {"team_size", 2},
          {"region_rule", "same_region"},
          {"inspector_capacity", 10},
          {"participants", json::array{{{"department_id", 5}}}}};
}

int64_t TaskTest::Create(const json::value& body) {
  http::Response r = Call(Method::kPost, "/api/v1/tasks", body);
  EXPECT_EQ(r.status, 201) << json::serialize(r.body);
  return r.status == 201 ? r.body.at("id").as_int64() : 0;
}

std::string TaskTest::Path(int64_t id, const std::string& tail) {
  return "/api/v1/tasks/" + std::to_string(id) + tail;
}

std::string TaskTest::Commit(int64_t id, const std::string& at) {
  http::Response r = Call(Method::kPost, Path(id, "/commit"), {{"scheduled_at", at}});
  EXPECT_EQ(r.status, 200) << json::serialize(r.body);
  return r.status == 200 ? std::string(r.body.at("secret").as_string()) : "";
}

json::value TaskTest::DrawBody(const std::string& secret, const std::string& dice) {
  return {{"secret", secret}, {"public_input", {{"kind", "dice"}, {"value", dice}}}};
}

int64_t TaskTest::InspectingTask(const std::string& name, int64_t count) {
  json::value body = TaskBody(name, "2026-11-18");
  body.as_object()["strata"] = json::array{{{"id", "ALL"}, {"count", count}}};
  const int64_t id = Create(body);
  const std::string secret = Commit(id);
  http::Response drawn =
      Call(Method::kPost, Path(id, "/draw"), DrawBody(secret, "31415926535897932384"));
  EXPECT_EQ(drawn.status, 200) << json::serialize(drawn.body);
  EXPECT_EQ(Call(Method::kPost, Path(id, "/confirm")).status, 200);
  http::Response started = Call(Method::kPost, Path(id, "/start"));
  EXPECT_EQ(started.status, 200) << json::serialize(started.body);
  return id;
}

std::string TaskTest::Rec(int64_t id, const std::string& tail) {
  return "/api/v1/inspections/" + std::to_string(id) + tail;
}

void TaskTest::Link(const std::string& username, int64_t inspector_id) {
  db::Lease sql = database().Acquire();
  const int64_t user =
      db::Query("SELECT id FROM users WHERE username = :u").Bind("u", username).ScalarInt(*sql);
  db::Query("UPDATE inspectors SET user_id = NULL WHERE user_id = :u").Bind("u", user).Exec(*sql);
  db::Query("UPDATE inspectors SET user_id = :u WHERE id = :i")
      .Bind("u", user)
      .Bind("i", inspector_id)
      .Exec(*sql);
}

int64_t TaskTest::CompleteRecord(int64_t id) {
  LoginAs("yewu", "Demo@2026");
  const json::value record = Call(Method::kGet, Rec(id)).body;
  Link("zhifa", record.at("team").at(0).at("inspector_id").as_int64());
  Link("jiancha", record.at("team").at(1).at("inspector_id").as_int64());
  const int64_t item = record.at("items").at(0).at("item_id").as_int64();
  LoginAs("zhifa", "Demo@2026");
  EXPECT_EQ(Call(Method::kPut, Rec(id, "/items/" + std::to_string(item)),
                 {{"method", "现场检查"},
                  {"findings", "未按规定报送能源利用状况报告"},
                  {"result_codes", json::array{"B"}},
                  {"handling", "责令限期报送"}})
                .status,
            200);
  EXPECT_EQ(
      Call(Method::kPut, Rec(id, "/firm"),
           {{"refused", true}, {"reason", "企业负责人拒绝签字"}, {"witness", "物业管理员 王某"}})
          .status,
      200);
  EXPECT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  LoginAs("zhifa", "Demo@2026");
  EXPECT_EQ(Call(Method::kPost, Rec(id, "/submit")).status, 200);
  LoginAs("yewu", "Demo@2026");
  EXPECT_EQ(Call(Method::kPost, Rec(id, "/review"), {{"decision", "approve"}}).status, 200);
  return item;
}

}  // namespace ssj::testing
