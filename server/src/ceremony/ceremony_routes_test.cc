// Tasks and the ceremony through the HTTP pipeline on both backends: a joint task with
// differentiated ratios, its exclusions reviewed before the commit, refusals (drawing without a
// commitment, too few digits, a wrong secret, confirming twice) answered and audited, the draw
// with witnesses, an idempotent retry, the record public from the window's first day and equal to
// what the engine recomputes; capacity and the yearly cap held across tasks, also when two tasks
// are committed and drawn at the same time.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "catalog/catalog_repo.h"
#include "codes/uscc.h"
#include "common/crypto.h"
#include "db/database.h"
#include "directory/directory_repo.h"
#include "draw/draw.h"
#include "draw/draw_json.h"
#include "draw/encoding.h"
#include "importer/xlsx_reader.h"
#include "testing/task_fixture.h"

namespace ssj::ceremony {
namespace {

using http::Method;
namespace json = boost::json;

constexpr int64_t kDay = 86400000;

class CeremonyTest : public testing::TaskTest {
 protected:
  int64_t Refusals(const std::string& action) {
    db::Lease sql = database().Acquire();
    audit::ListFilter filter;
    filter.action = action + ":refused";
    return audit::List(*sql, filter).total;
  }
};

TEST_P(CeremonyTest, AJointTaskFromDraftToAVerifiedPublicRecord) {
  LoginAs("yewu", "Demo@2026");
  const int64_t id = Create(TaskBody("2026年重点用能单位节能监察联合抽查"));
  ASSERT_GT(id, 0);

  // The pool before anything is committed: counts per stratum and per reason.
  http::Response preview = Call(Method::kGet, Path(id, "/pool-preview"));
  ASSERT_EQ(preview.status, 200) << json::serialize(preview.body);
  EXPECT_EQ(preview.body.at("pool_size").as_int64(), 200);
  std::map<std::string, int64_t> excluded;
  for (const auto& e : preview.body.at("excluded").as_array())
    excluded[std::string(e.at("reason").as_string())] = e.at("count").as_int64();
  EXPECT_EQ(excluded["status"], 10);
  EXPECT_EQ(excluded["not_supervised"], 10);
  // Four targets carry a raise tag: two of B count as C, two of D stay D.
  EXPECT_EQ(preview.body.at("strata").at("A").as_int64(), 50);
  EXPECT_EQ(preview.body.at("strata").at("B").as_int64(), 48);
  EXPECT_EQ(preview.body.at("strata").at("C").as_int64(), 52);
  EXPECT_EQ(preview.body.at("strata").at("D").as_int64(), 50);

  // Drawing before the commitment is refused and the refusal audited.
  http::Response early = Call(Method::kPost, Path(id, "/draw"),
                              DrawBody(std::string(64, '0'), "31415926535897932384"));
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.body.at("code").as_string(), "task.no_commitment");
  EXPECT_EQ(Refusals("task:draw:run"), 1);

  const std::string secret = Commit(id);
  ASSERT_EQ(secret.size(), 64u);
  http::Response task = Call(Method::kGet, Path(id));
  draw::Digest raw{};
  ASSERT_TRUE(draw::ParseHex32(secret, &raw));
  EXPECT_EQ(task.body.at("commitment").as_string(), draw::Hex(draw::Commitment(raw)));
  EXPECT_EQ(task.body.at("status").as_string(), "committed");
  {
    // The secret is in no audit entry and not in the task as stored.
    db::Lease sql = database().Acquire();
    auto entries = audit::List(*sql, audit::ListFilter{});
    for (const auto& e : entries.items) {
      EXPECT_EQ(e.after_json.value_or("").find(secret), std::string::npos) << e.action;
    }
    EXPECT_EQ(db::Query("SELECT COUNT(*) FROM tasks WHERE request LIKE :s")
                  .Bind("s", "%" + secret + "%")
                  .ScalarInt(*sql),
              0);
  }
  // A committed task cannot be edited.
  EXPECT_EQ(Call(Method::kPut, Path(id), TaskBody("改名")).status, 409);

  // The portal shows the commitment and counts, not yet the record.
  token_.clear();
  http::Response pub = Call(Method::kGet, "/api/v1/public/tasks");
  ASSERT_EQ(pub.status, 200);
  ASSERT_EQ(pub.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(pub.body.at("items").at(0).at("commitment"), task.body.at("commitment"));
  EXPECT_EQ(
      Call(Method::kGet, "/api/v1/public/tasks/" + std::to_string(id) + "/draw-record").status,
      404);
  LoginAs("yewu", "Demo@2026");

  // Refusals at the ceremony.
  http::Response few = Call(Method::kPost, Path(id, "/draw"), DrawBody(secret, "1234 5678"));
  EXPECT_EQ(few.status, 400);
  EXPECT_EQ(few.body.at("code").as_string(), "ceremony.dice_too_short");
  http::Response wrong = Call(Method::kPost, Path(id, "/draw"),
                              DrawBody(std::string(64, 'a'), "31415926535897932384"));
  EXPECT_EQ(wrong.status, 409);
  EXPECT_EQ(wrong.body.at("code").as_string(), "ceremony.wrong_secret");
  EXPECT_EQ(Refusals("task:draw:run"), 3);

  for (auto [name, role] : {std::pair{"王芳", "监督人"}, std::pair{"李强", "企业代表"}}) {
    EXPECT_EQ(Call(Method::kPost, Path(id, "/witnesses"),
                   {{"name", name}, {"unit", "重庆市渝中区"}, {"role", role}})
                  .status,
              201);
  }
  EXPECT_EQ(Call(Method::kPost, Path(id, "/witnesses"),
                 {{"name", "张三"}, {"unit", "某单位"}, {"role", "路人"}})
                .status,
            400);

  http::Response drawn =
      Call(Method::kPost, Path(id, "/draw"), DrawBody(secret, "3141 5926 5358 9793 2384"));
  ASSERT_EQ(drawn.status, 200) << json::serialize(drawn.body);
  const json::value record = drawn.body.at("record");
  const size_t selected = drawn.body.at("targets").as_array().size();
  EXPECT_GT(selected, 0u);
  for (const auto& t : drawn.body.at("targets").as_array())
    EXPECT_EQ(t.at("team").as_array().size(), 2u);

  // A retry (a dropped connection) returns the same record; other input is refused.
  http::Response retry =
      Call(Method::kPost, Path(id, "/draw"), DrawBody(secret, "31415926535897932384"));
  EXPECT_EQ(retry.status, 200);
  EXPECT_TRUE(retry.body.at("repeated").as_bool());
  EXPECT_EQ(retry.body.at("record"), record);
  http::Response again =
      Call(Method::kPost, Path(id, "/draw"), DrawBody(secret, "27182818284590452353"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body.at("code").as_string(), "task.already_drawn");

  // A photo of the ceremony, kept with its hash; a text file is not a photo.
  const std::string photo = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(1000, '\x07');
  http::Response attached =
      Upload(Path(id, "/attachments"), photo, {{"file_name", "抽取现场.png"}});
  ASSERT_EQ(attached.status, 201) << json::serialize(attached.body);
  EXPECT_EQ(attached.body.at("sha256").as_string(), Sha256Hex(photo));
  EXPECT_EQ(attached.body.at("content_type").as_string(), "image/png");
  EXPECT_EQ(Upload(Path(id, "/attachments"), "hello", {{"file_name", "a.txt"}}).status, 400);
  http::Response file = Call(
      Method::kGet, Path(id, "/attachments/" + std::to_string(attached.body.at("id").as_int64())));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.raw_body, photo);

  EXPECT_EQ(Call(Method::kPost, Path(id, "/confirm")).status, 200);
  // The list with its teams, and the exclusions with their reasons, as workbooks.
  http::Response book = Call(Method::kGet, Path(id, "/draw.xlsx"));
  ASSERT_EQ(book.status, 200);
  std::vector<std::vector<std::string>> sheet;
  auto reader = importer::XlsxReader::OpenBuffer(book.raw_body, "list.xlsx");
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  ASSERT_TRUE(reader
                  ->ForEachRow([&](size_t, const std::vector<std::string>& cells) -> Status {
                    sheet.push_back(cells);
                    return OkStatus();
                  })
                  .ok());
  ASSERT_EQ(sheet.size(), selected + 1);
  EXPECT_EQ(sheet[0][6], "检查组长");
  EXPECT_EQ(sheet[1][2], drawn.body.at("targets").at(0).at("code").as_string());
  EXPECT_EQ(sheet[1][6], drawn.body.at("targets").at(0).at("team").at(0).at("name").as_string());
  http::Response excluded_book = Call(Method::kGet, Path(id, "/exclusions.xlsx"));
  ASSERT_EQ(excluded_book.status, 200);
  size_t excluded_rows = 0;
  ASSERT_TRUE(importer::XlsxReader::OpenBuffer(excluded_book.raw_body, "x.xlsx")
                  ->ForEachRow([&](size_t, const std::vector<std::string>&) -> Status {
                    ++excluded_rows;
                    return OkStatus();
                  })
                  .ok());
  EXPECT_EQ(excluded_rows, 1u + 20u);
  http::Response twice = Call(Method::kPost, Path(id, "/confirm"));
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.body.at("code").as_string(), "task.already_confirmed");
  EXPECT_EQ(Refusals("task:draw:confirm"), 1);
  // The teams set out: confirmed → inspecting, once.
  EXPECT_EQ(Call(Method::kPost, Path(id, "/start")).body.at("status").as_string(), "inspecting");
  EXPECT_EQ(Call(Method::kPost, Path(id, "/start")).status, 409);

  // From the window's first day the record and pool are public, and they verify.
  clock().Advance(kDay);
  token_.clear();
  http::Response rec =
      Call(Method::kGet, "/api/v1/public/tasks/" + std::to_string(id) + "/draw-record");
  ASSERT_EQ(rec.status, 200) << json::serialize(rec.body);
  EXPECT_EQ(rec.body, record);
  http::Response page = Call(Method::kGet, "/api/v1/public/tasks/" + std::to_string(id));
  ASSERT_EQ(page.body.at("attachments").as_array().size(), 1u);
  EXPECT_EQ(page.body.at("attachments").at(0).at("sha256").as_string(), Sha256Hex(photo));
  http::Response pool =
      Call(Method::kGet, "/api/v1/public/tasks/" + std::to_string(id) + "/pool.csv");
  ASSERT_EQ(pool.status, 200);
  auto request = draw::ParseRequest(rec.body.at("request"), &pool.raw_body);
  ASSERT_TRUE(request.ok()) << request.error().message;
  auto outcome = draw::Draw(*request);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  json::value recomputed =
      draw::RecordJson(rec.body.at("request"), *outcome, Sha256Hex(pool.raw_body), "");
  EXPECT_EQ(draw::FirstDifference(rec.body, recomputed), "");
}

TEST_P(CeremonyTest, ABadPoolOrTeamIsRefusedAtTheCommitWithTheReason) {
  LoginAs("yewu", "Demo@2026");
  json::value body = TaskBody("人员不足的任务");
  body.as_object()["inspector_capacity"] = 1;
  const int64_t id = Create(body);
  http::Response r =
      Call(Method::kPost, Path(id, "/commit"), {{"scheduled_at", "2026-11-18 15:00"}});
  EXPECT_EQ(r.status, 409) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("code").as_string(), "ceremony.team_infeasible");
  EXPECT_FALSE(r.body.at("details").at("shortfalls").as_array().empty());
  // Departments by name, as people know them, not by code.
  const std::string lines = json::serialize(r.body.at("details").at("shortfalls"));
  EXPECT_NE(lines.find("节能与综合利用处"), std::string::npos) << lines;
  EXPECT_EQ(lines.find("CQJXW-JNZY"), std::string::npos) << lines;
  EXPECT_EQ(Call(Method::kGet, Path(id)).body.at("status").as_string(), "draft");

  // A scope with no target at all.
  json::value empty = TaskBody("空范围");
  empty.as_object()["scope"] = {{"division", "500111"}};
  const int64_t none = Create(empty);
  http::Response e =
      Call(Method::kPost, Path(none, "/commit"), {{"scheduled_at", "2026-11-18 15:00"}});
  EXPECT_EQ(e.status, 409);
  EXPECT_EQ(e.body.at("code").as_string(), "task.pool_empty");
  EXPECT_EQ(Refusals("task:draw:commit"), 2);
}

// The inspectors' capacity and the targets' yearly allowance are shared by tasks: a second task
// in the same window gets what the first left, and one target is drawn once for one item in a
// year (工信部 profile: at most once).
TEST_P(CeremonyTest, CapacityAndTheYearlyCapHoldAcrossTasks) {
  LoginAs("admin", "Admin@2026");
  ASSERT_EQ(
      Call(Method::kPut, "/api/v1/policy", {{"profile_id", "miit"}, {"reason", "测试"}}).status,
      200);
  LoginAs("yewu", "Demo@2026");
  json::value body = TaskBody("第一批");
  body.as_object()["strata"] = json::array{{{"id", "A"}, {"ratio", "5"}},
                                           {{"id", "B"}, {"ratio", "5"}},
                                           {{"id", "C"}, {"ratio", "5"}},
                                           {{"id", "D"}, {"ratio", "5"}}};
  const int64_t first = Create(body);
  const std::string secret = Commit(first);
  ASSERT_EQ(
      Call(Method::kPost, Path(first, "/draw"), DrawBody(secret, "11111111112222222222")).status,
      200);
  body.as_object()["name"] = "第二批";
  const int64_t second = Create(body);
  http::Response preview = Call(Method::kGet, Path(second, "/pool-preview"));
  int64_t capped = 0;
  for (const auto& e : preview.body.at("excluded").as_array()) {
    if (e.at("reason") == "yearly_cap") capped = e.at("count").as_int64();
  }
  db::Lease sql = database().Acquire();
  const int64_t drawn_first = db::Query("SELECT COUNT(*) FROM task_targets WHERE task_id = :t")
                                  .Bind("t", first)
                                  .ScalarInt(*sql);
  // Targets with 投诉举报多 are drawn more often (001 第十条第三款): the cap spares them.
  const int64_t spared =
      db::Query(
          "SELECT COUNT(*) FROM task_targets s JOIN target_tags g ON g.target_id "
          "= s.target_id WHERE s.task_id = :t AND g.tag = '投诉举报多'")
          .Bind("t", first)
          .ScalarInt(*sql);
  EXPECT_EQ(capped, drawn_first - spared);
  // Capacity: the inspectors the first task holds have that much less in the second.
  const int64_t held = db::Query("SELECT SUM(capacity) FROM task_capacity WHERE task_id = :t")
                           .Bind("t", first)
                           .ScalarInt(*sql);
  EXPECT_EQ(held, drawn_first * 2);
}

// Two tasks committed and drawn at the same moment, from separate sessions, over the same four
// targets (one of two drawn in each of two strata, so the tasks collide three times in four):
// the capacity they hold never adds up to more than an inspector's, and the second draw replaces
// what the first took from the reserves, so no target is drawn twice for the item this year.
TEST_P(CeremonyTest, ConcurrentCommitsAndDrawsNeverExceedCapacityOrTheCap) {
  LoginAs("admin", "Admin@2026");
  ASSERT_EQ(
      Call(Method::kPut, "/api/v1/policy", {{"profile_id", "miit"}, {"reason", "测试"}}).status,
      200);
  LoginAs("yewu", "Demo@2026");
  json::value body = TaskBody("并发一");
  body.as_object()["scope"] = {{"tag", "投诉举报多"}};
  body.as_object()["strata"] =
      json::array{{{"id", "C"}, {"count", 1}}, {{"id", "D"}, {"count", 1}}};
  body.as_object()["inspector_capacity"] = 3;
  const int64_t one = Create(body);
  body.as_object()["name"] = "并发二";
  const int64_t two = Create(body);
  const std::string token = token_, csrf = csrf_;

  auto call_as = [&](Method m, const std::string& path, json::value b) {
    http::Request req;
    req.method = m;
    req.path = path;
    req.body = std::move(b);
    req.ip = "10.1.2.3";
    req.session_token = token;
    req.csrf_header = csrf;
    return http::Dispatch(*router_, services(), req);
  };
  // Runs fn(id) for both tasks on two threads at once; returns the statuses.
  auto both = [&](auto fn) {
    std::map<int64_t, http::Response> out;
    std::mutex mu;
    std::vector<std::thread> threads;
    for (int64_t id : {one, two}) {
      threads.emplace_back([&, id] {
        http::Response r = fn(id);
        std::lock_guard lock(mu);
        out[id] = std::move(r);
      });
    }
    for (auto& t : threads) t.join();
    return out;
  };
  auto commits = both([&](int64_t id) {
    return call_as(Method::kPost, Path(id, "/commit"), {{"scheduled_at", "2026-11-18 15:00"}});
  });
  std::map<int64_t, std::string> secrets;
  for (auto& [id, r] : commits) {
    ASSERT_EQ(r.status, 200) << json::serialize(r.body);
    secrets[id] = std::string(r.body.at("secret").as_string());
  }
  {
    db::Lease sql = database().Acquire();
    EXPECT_EQ(db::Query("SELECT COUNT(*) FROM (SELECT inspector_id FROM task_capacity GROUP BY "
                        "inspector_id HAVING SUM(capacity) > 3) x")
                  .ScalarInt(*sql),
              0);
  }
  auto draws = both([&](int64_t id) {
    return call_as(Method::kPost, Path(id, "/draw"), DrawBody(secrets[id], "98765432109876543210"));
  });
  for (auto& [id, r] : draws) EXPECT_EQ(r.status, 200) << json::serialize(r.body);
  db::Lease sql = database().Acquire();
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM task_targets").ScalarInt(*sql), 4);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM (SELECT target_id FROM task_targets GROUP BY target_id "
                      "HAVING COUNT(*) > 1) x")
                .ScalarInt(*sql),
            0);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM (SELECT inspector_id FROM task_team GROUP BY "
                      "inspector_id HAVING COUNT(*) > 3) x")
                .ScalarInt(*sql),
            0);
}

// After the lock: a target replaced by the next reserve and an inspector's declared 回避 refilled
// with fresh dice, each only with the head's approval (never the requester's own), and a void
// that stays on the portal with its reason. The record still verifies after each change.
TEST_P(CeremonyTest, ChangesAfterTheLockNeedTheHeadAndFollowTheEngine) {
  LoginAs("yewu", "Demo@2026");
  const int64_t id = Create(TaskBody("变更测试"));
  const std::string secret = Commit(id);
  http::Response drawn =
      Call(Method::kPost, Path(id, "/draw"), DrawBody(secret, "31415926535897932384"));
  ASSERT_EQ(drawn.status, 200) << json::serialize(drawn.body);
  ASSERT_EQ(Call(Method::kPost, Path(id, "/confirm")).status, 200);
  const json::value first = drawn.body.at("targets").at(0);
  const int64_t replaced = first.at("target_id").as_int64();

  // A change of a locked list is a request, not an edit.
  http::Response asked = Call(Method::kPost, Path(id, "/changes"),
                              {{"kind", "replace_target"},
                               {"target_id", replaced},
                               {"category", "注销"},
                               {"reason", "已于 2026-11-10 注销登记"}});
  ASSERT_EQ(asked.status, 201) << json::serialize(asked.body);
  const std::string change =
      "/api/v1/task-changes/" + std::to_string(asked.body.at("id").as_int64());
  EXPECT_EQ(Call(Method::kPost, change + "/approve").status, 403);  // staff cannot approve
  LoginAs("fuzeren", "Demo@2026");
  http::Response approved = Call(Method::kPost, change + "/approve", {{"reason", "同意"}});
  ASSERT_EQ(approved.status, 200) << json::serialize(approved.body);
  EXPECT_EQ(approved.body.at("status").as_string(), "applied");
  {
    db::Lease sql = database().Acquire();
    EXPECT_EQ(db::Query("SELECT COUNT(*) FROM task_targets WHERE task_id = :t AND target_id = :g")
                  .Bind("t", id)
                  .Bind("g", replaced)
                  .ScalarInt(*sql),
              0);
  }
  LoginAs("yewu", "Demo@2026");
  json::value record = Call(Method::kGet, Path(id, "/draw")).body.at("record");
  ASSERT_EQ(record.at("replacements").as_array().size(), 1u);
  EXPECT_EQ(record.at("replacements").at(0).at("target"), first.at("code"));

  // An inspector of a team declares 回避 for one target; the head approves; fresh dice refill.
  const json::value now_first = Call(Method::kGet, Path(id, "/draw")).body.at("targets").at(0);
  const std::string inspector_code(now_first.at("team").at(1).at("code").as_string());
  int64_t inspector = 0;
  {
    db::Lease sql = database().Acquire();
    inspector = db::Query("SELECT id FROM inspectors WHERE code = :c")
                    .Bind("c", inspector_code)
                    .ScalarInt(*sql);
    const int64_t user =
        db::Query("SELECT id FROM users WHERE username = 'jiancha'").ScalarInt(*sql);
    db::Query("UPDATE inspectors SET user_id = NULL WHERE user_id = :u").Bind("u", user).Exec(*sql);
    db::Query("UPDATE inspectors SET user_id = :u WHERE id = :i")
        .Bind("u", user)
        .Bind("i", inspector)
        .Exec(*sql);
  }
  LoginAs("jiancha", "Demo@2026");
  http::Response mine = Call(Method::kGet, "/api/v1/my/assignments");
  ASSERT_EQ(mine.status, 200);
  ASSERT_FALSE(mine.body.at("items").as_array().empty());
  const int64_t conflict_target = mine.body.at("items").at(0).at("target_id").as_int64();
  http::Response declared =
      Call(Method::kPost, "/api/v1/my/assignments/" + std::to_string(id) + "/declare",
           {{"category", "回避"}, {"reason", "配偶在该企业任职"}, {"target_id", conflict_target}});
  ASSERT_EQ(declared.status, 201) << json::serialize(declared.body);
  const std::string withdrawal =
      "/api/v1/task-changes/" + std::to_string(declared.body.at("id").as_int64());
  LoginAs("fuzeren", "Demo@2026");
  http::Response pending = Call(Method::kGet, "/api/v1/task-changes");
  EXPECT_EQ(pending.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(Call(Method::kPost, withdrawal + "/approve").body.at("status").as_string(), "approved");
  LoginAs("yewu", "Demo@2026");
  http::Response few = Call(Method::kPost, withdrawal + "/apply",
                            {{"public_input", {{"kind", "dice"}, {"value", "123"}}}});
  EXPECT_EQ(few.status, 400);
  http::Response applied =
      Call(Method::kPost, withdrawal + "/apply",
           {{"public_input", {{"kind", "dice"}, {"value", "27182818284590452353"}}}});
  ASSERT_EQ(applied.status, 200) << json::serialize(applied.body);
  {
    db::Lease sql = database().Acquire();
    EXPECT_EQ(db::Query("SELECT COUNT(*) FROM task_team WHERE task_id = :t AND inspector_id = :i")
                  .Bind("t", id)
                  .Bind("i", inspector)
                  .ScalarInt(*sql),
              0);
    EXPECT_EQ(db::Query("SELECT COUNT(*) FROM conflicts WHERE inspector_id = :i AND target_id = :g "
                        "AND source = '自行申报'")
                  .Bind("i", inspector)
                  .Bind("g", conflict_target)
                  .ScalarInt(*sql),
              1);
  }
  record = Call(Method::kGet, Path(id, "/draw")).body.at("record");
  ASSERT_EQ(record.at("recusals").as_array().size(), 1u);
  EXPECT_FALSE(record.at("recusals").at(0).at("refilled").as_array().empty());
  // The changed record verifies against the frozen pool.
  http::Response pool = Call(Method::kGet, Path(id, "/pool.csv"));
  auto request = draw::ParseRequest(record.at("request"), &pool.raw_body);
  ASSERT_TRUE(request.ok()) << request.error().message;
  auto outcome = draw::Draw(*request);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(draw::FirstDifference(record, draw::RecordJson(record.at("request"), *outcome,
                                                           Sha256Hex(pool.raw_body), "")),
            "");

  // A void needs the head too, and stays public with its reason.
  http::Response void_asked =
      Call(Method::kPost, Path(id, "/changes"), {{"kind", "void"}, {"reason", "抽查事项调整"}});
  ASSERT_EQ(void_asked.status, 201) << json::serialize(void_asked.body);
  LoginAs("admin", "Admin@2026");
  http::Response own =
      Call(Method::kPost, Path(id, "/changes"), {{"kind", "void"}, {"reason", "重复"}});
  EXPECT_EQ(own.status, 409);  // one void request at a time
  LoginAs("fuzeren", "Demo@2026");
  ASSERT_EQ(
      Call(Method::kPost, "/api/v1/task-changes/" +
                              std::to_string(void_asked.body.at("id").as_int64()) + "/approve")
          .status,
      200);
  token_.clear();
  http::Response pub = Call(Method::kGet, "/api/v1/public/tasks/" + std::to_string(id));
  EXPECT_EQ(pub.body.at("status").as_string(), "void");
  EXPECT_EQ(pub.body.at("void_reason").as_string(), "抽查事项调整");
  db::Lease sql = database().Acquire();
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM task_capacity WHERE task_id = :t")
                .Bind("t", id)
                .ScalarInt(*sql),
            0);
}

// A task carries out a published plan's rows; where the policy allows no inspection outside the
// plan (淄博), a task without one is refused.
TEST_P(CeremonyTest, TasksFollowThePublishedPlan) {
  LoginAs("yewu", "Demo@2026");
  // A joint task may name departments outside one's data scope: their names are listed for all.
  const std::string names = json::serialize(Call(Method::kGet, "/api/v1/departments/names").body);
  EXPECT_NE(names.find("消费品工业处"), std::string::npos) << names;
  EXPECT_EQ(Call(Method::kGet, "/api/v1/departments").body.at("items").as_array().size(), 1u);
  json::value body = TaskBody("计划外任务");
  body.as_object()["plan_id"] = 999;
  http::Response r = Call(Method::kPost, "/api/v1/tasks", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.at("details").at("field").as_string(), "plan_id");
  LoginAs("admin", "Admin@2026");
  ASSERT_EQ(
      Call(Method::kPut, "/api/v1/policy", {{"profile_id", "zibo-gxj"}, {"reason", "测试"}}).status,
      200);
  LoginAs("yewu", "Demo@2026");
  r = Call(Method::kPost, "/api/v1/tasks", TaskBody("计划外任务"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.at("details").at("field").as_string(), "plan_id");
  EXPECT_NE(std::string(r.body.at("message").as_string()).find("年度抽查工作计划"),
            std::string::npos);
}

// Nobody approves their own request.
TEST_P(CeremonyTest, TheRequesterCannotApprove) {
  LoginAs("admin", "Admin@2026");
  json::value body = TaskBody("自批测试");
  body.as_object()["department_id"] = 4;  // 节能与综合利用处, whose inspectors form the teams
  const int64_t id = Create(body);
  ASSERT_FALSE(Commit(id).empty());
  http::Response asked =
      Call(Method::kPost, Path(id, "/changes"), {{"kind", "void"}, {"reason", "测试"}});
  ASSERT_EQ(asked.status, 201) << json::serialize(asked.body);
  http::Response own =
      Call(Method::kPost,
           "/api/v1/task-changes/" + std::to_string(asked.body.at("id").as_int64()) + "/approve");
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(own.body.at("code").as_string(), "task.self_approval");
  EXPECT_EQ(Refusals("task:change:approve"), 1);
}

SSJ_BOTH_BACKENDS(CeremonyTest);

}  // namespace
}  // namespace ssj::ceremony
