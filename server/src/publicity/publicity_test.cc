// Publication: masking, working-day deadlines across the 2025 and 2026 holidays (and into a year
// whose notice is not out yet), and through the pipeline on both backends: publishing only
// reviewed records, the public search, immutability, an objection with the notice's code, its
// correction approved by the head (not the requester) and shown as a new version, and the
// deadline dashboard.
#include "publicity/publicity.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "calendar/calendar.h"
#include "db/database.h"
#include "policy/policy.h"
#include "publicity/publicity_routes.h"
#include "testing/task_fixture.h"

namespace ssj::publicity {
namespace {

using http::Method;
namespace json = boost::json;

const calendar::Calendar& Shipped() {
  static const calendar::Calendar c(calendar::ShippedYears());
  return c;
}

TEST(PublicityRules, PersonalDataIsMasked) {
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskId("500103199001011234"), "500103********1234");
  EXPECT_EQ(MaskId("12345"), "*****");
}

TEST(PublicityRules, DeadlinesCountWorkingDaysAcrossTheHolidays) {
  // 2025 National Day (10-01..08 off, 09-28 and 10-11 worked): 20 working days after 09-26.
  auto national = DeadlineOf(Shipped(), "2025-09-26", 20, "2025-10-29");
  ASSERT_TRUE(national.ok());
  EXPECT_EQ(national->due, "2025-10-30");
  EXPECT_EQ(national->days_left, 1);
  EXPECT_EQ(national->level, "yellow");
  auto late = DeadlineOf(Shipped(), "2025-09-26", 20, "2025-11-01");  // a Saturday
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->level, "red");
  EXPECT_LE(late->days_left, -1);
  // 2026 Spring Festival (02-15..23 off, 02-14 and 02-28 worked).
  auto spring = DeadlineOf(Shipped(), "2026-02-06", 20, "2026-02-13");
  ASSERT_TRUE(spring.ok());
  EXPECT_EQ(spring->due, "2026-03-12");
  EXPECT_EQ(spring->days_left, 15);
  EXPECT_EQ(spring->level, "green");
  // Zibo: report in 5 and publish 2 later — 7 after 02-06 is 02-24, past the festival.
  policy::Rules zibo;
  zibo.report_days = 5;
  zibo.publish_after_report_days = 2;
  auto publish = DeadlineOf(Shipped(), "2026-02-06", *policy::PublicationDays(zibo), "2026-02-06");
  ASSERT_TRUE(publish.ok());
  EXPECT_EQ(publish->due, "2026-02-24");
  // Into 2027, whose notice is not out: no date yet, but the days left are exact.
  auto next_year = DeadlineOf(Shipped(), "2026-11-18", 60, "2026-11-20");
  ASSERT_TRUE(next_year.ok()) << next_year.error().message;
  EXPECT_FALSE(next_year->due.has_value());
  EXPECT_EQ(next_year->days_left, 58);
}

TEST(PublicityRules, ThePublicSeesResultsNotPersonalData) {
  inspection::Record r;
  inspection::RecordItem item;
  item.code = "CQJXW-JNZY-001";
  item.name = "重点用能单位节能监察";
  item.method = "现场检查";
  item.findings = "联系人张三称报告尚未报送";  // findings are not published
  item.result_codes = {"B", "E"};
  item.handling = "责令限期报送";
  r.items = {item};
  r.header.phone = "13983001234";
  const std::vector<inspection::Category> categories = {
      {"B", "未按规定公示应当公示的信息", "2", true, false, true},
      {"E", "发现问题已责令改正", std::nullopt, true, false, true}};
  PublicResult p = ResultOf(r, categories);
  EXPECT_EQ(p.summary, "未按规定公示应当公示的信息、发现问题已责令改正");
  EXPECT_TRUE(p.problem);
  const std::string text = json::serialize(p.content);
  EXPECT_EQ(text.find("张三"), std::string::npos);
  EXPECT_EQ(text.find("13983001234"), std::string::npos);
  EXPECT_NE(text.find("责令限期报送"), std::string::npos);
}

class PublicityTest : public testing::TaskTest {
 protected:
  // Zibo's objection procedure (60 / 20 / 7 working days) on the joint profile.
  void UseObjectionProcedure() {
    LoginAs("admin", "Admin@2026");
    http::Response r = Call(Method::kPut, "/api/v1/policy",
                            {{"overrides",
                              {{"objection_window_days", 60},
                               {"objection_review_days", 20},
                               {"objection_notify_days", 7}}},
                             {"reason", "参照淄工信发〔2020〕5号第十六条"}});
    ASSERT_EQ(r.status, 200) << json::serialize(r.body);
  }
};

TEST_P(PublicityTest, PublishedResultsAreSearchedObjectedToAndCorrectedWithApproval) {
  ASSERT_NO_FATAL_FAILURE(UseObjectionProcedure());
  LoginAs("yewu", "Demo@2026");
  const int64_t task = InspectingTask("2026年节能监察（公示）", 2);
  json::value list = Call(Method::kGet, Path(task, "/inspections")).body;
  const int64_t id = list.at("items").at(0).at("id").as_int64();
  const int64_t other = list.at("items").at(1).at("id").as_int64();
  const std::string code(list.at("items").at(0).at("target_code").as_string());
  const std::string verify(list.at("items").at(0).at("verify_code").as_string());
  ASSERT_EQ(verify.size(), 8u);
  const int64_t item = CompleteRecord(id);

  // An unreviewed record is refused by name, and nothing is published.
  http::Response refused =
      Call(Method::kPost, Path(task, "/publish"), {{"inspection_ids", json::array{id, other}}});
  ASSERT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body.at("code"), "publicity.not_reviewed");
  EXPECT_NE(refused.body.at("message").as_string().find("待录入"), std::string::npos);
  EXPECT_EQ(
      Call(Method::kGet, "/api/v1/public/results", nullptr, false, {{"q", code}}).body.at("total"),
      0);
  http::Response published = Call(Method::kPost, Path(task, "/publish"), json::object{});
  ASSERT_EQ(published.status, 200) << json::serialize(published.body);
  EXPECT_EQ(published.body.at("published"), 1);
  EXPECT_EQ(Call(Method::kPost, Path(task, "/publish"), json::object{}).body.at("code"),
            "publicity.nothing_to_publish");

  // Immutable: the team cannot edit it any more.
  LoginAs("zhifa", "Demo@2026");
  http::Response edit = Call(Method::kPut, Rec(id, "/items/" + std::to_string(item)),
                             {{"result_codes", json::array{"1"}}});
  EXPECT_EQ(edit.status, 409);
  EXPECT_EQ(edit.body.at("code"), "inspection.published");

  // The public finds it by USCC (any case) and by name, without personal data.
  std::string lower = code;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  http::Response by_code =
      Call(Method::kGet, "/api/v1/public/results", nullptr, false, {{"q", lower}});
  ASSERT_EQ(by_code.status, 200);
  ASSERT_EQ(by_code.body.at("total"), 1);
  const json::value& result = by_code.body.at("items").at(0);
  EXPECT_EQ(result.at("summary"), "未按规定公示应当公示的信息");
  EXPECT_EQ(result.at("problem"), true);
  const std::string text = json::serialize(by_code.body);
  EXPECT_EQ(text.find("未按规定报送能源利用状况报告"), std::string::npos) << "findings stay inside";
  EXPECT_EQ(text.find(verify), std::string::npos) << "the code is the firm's";
  const std::string name(result.at("target_name").as_string());
  EXPECT_EQ(Call(Method::kGet, "/api/v1/public/results", nullptr, false,
                 {{"q", name.substr(0, name.size() - 9)}})
                .body.at("total")
                .as_int64(),
            1);
  const std::string detail = "/api/v1/public/results/" + std::to_string(result.at("id").as_int64());

  // The firm objects: a wrong code is refused without saying which part; the right one is
  // received with its review deadline (20 working days).
  auto objection = [&](const std::string& c) {
    return Call(Method::kPost, "/api/v1/public/objections",
                {{"uscc", lower},
                 {"verify_code", c},
                 {"contact_name", "孙立新"},
                 {"contact_phone", "13983005555"},
                 {"content", "我公司已于检查前报送报告，附回执"}},
                false);
  };
  http::Response wrong = objection("ABCDEFGH");
  ASSERT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.body.at("code"), "publicity.objection_unverified");
  http::Response filed = objection(verify);
  ASSERT_EQ(filed.status, 201) << json::serialize(filed.body);
  EXPECT_EQ(filed.body.at("review_due"), "2026-12-16");
  EXPECT_EQ(objection(verify).body.at("code"), "publicity.objection_open");
  const std::string obj = "/api/v1/objections/" + std::to_string(filed.body.at("id").as_int64());

  // The office decides to correct; the correction waits for the head.
  LoginAs("yewu", "Demo@2026");
  json::array items{
      {{"item_id", item}, {"result_codes", json::array{"1"}}, {"findings", ""}, {"handling", ""}}};
  http::Response same = Call(Method::kPost, obj + "/decide",
                             {{"decision", "correct"},
                              {"reason", "复查确认"},
                              {"items", json::array{{{"item_id", item},
                                                     {"result_codes", json::array{"B"}},
                                                     {"findings", "未按规定报送能源利用状况报告"},
                                                     {"handling", "责令限期报送"}}}}});
  EXPECT_EQ(same.status, 400);  // nothing would change
  http::Response correcting = Call(Method::kPost, obj + "/decide",
                                   {{"decision", "correct"},
                                    {"reason", "复查确认企业已按期报送，原结果有误"},
                                    {"items", items}});
  ASSERT_EQ(correcting.status, 200) << json::serialize(correcting.body);
  EXPECT_EQ(correcting.body.at("status"), "correcting");
  json::value pending =
      Call(Method::kGet, "/api/v1/result-corrections", nullptr, true, {{"status", "pending"}})
          .body.at("items");
  ASSERT_EQ(pending.as_array().size(), 1u);
  const std::string corr =
      "/api/v1/result-corrections/" + std::to_string(pending.at(0).at("id").as_int64());
  EXPECT_EQ(Call(Method::kPost, corr + "/approve").status, 403);  // staff cannot approve

  // The head approves: a second version, marked corrected, with the reason.
  LoginAs("fuzeren", "Demo@2026");
  http::Response approved = Call(Method::kPost, corr + "/approve", {{"reason", "同意更正"}});
  ASSERT_EQ(approved.status, 200) << json::serialize(approved.body);
  EXPECT_EQ(approved.body.at("status"), "approved");
  http::Response shown = Call(Method::kGet, detail, nullptr, false);
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body.at("version"), 2);
  EXPECT_EQ(shown.body.at("corrected"), true);
  EXPECT_EQ(shown.body.at("summary"), "未发现问题");
  EXPECT_EQ(shown.body.at("reason"), "复查确认企业已按期报送，原结果有误");
  ASSERT_EQ(shown.body.at("versions").as_array().size(), 2u);
  EXPECT_EQ(shown.body.at("versions").at(0).at("summary"), "未按规定公示应当公示的信息");
  // The objection is corrected, and the firm must be told within 7 working days.
  LoginAs("yewu", "Demo@2026");
  json::value decided = Call(Method::kGet, "/api/v1/objections").body.at("items").at(0);
  EXPECT_EQ(decided.at("status"), "corrected");
  EXPECT_EQ(decided.at("notify_due"), "2026-11-27");
  json::value board = Call(Method::kGet, "/api/v1/inspection/deadlines").body;
  ASSERT_EQ(board.at("objections").as_array().size(), 1u);
  EXPECT_EQ(board.at("objections").at(0).at("stage"), "notify");
  EXPECT_EQ(board.at("objections").at(0).at("countdown").at("days_left"), 7);
  EXPECT_EQ(Call(Method::kPost, obj + "/notify", {{"note", ""}}).status, 400);
  ASSERT_EQ(
      Call(Method::kPost, obj + "/notify", {{"note", "电话告知孙立新，并邮寄复查结论"}}).status,
      200);
  EXPECT_TRUE(
      Call(Method::kGet, "/api/v1/inspection/deadlines").body.at("objections").as_array().empty());

  // A correction the requester asks for is not theirs to approve.
  LoginAs("admin", "Admin@2026");
  http::Response own = Call(Method::kPost, Rec(id, "/corrections"),
                            {{"reason", "录入错误"},
                             {"items", json::array{{{"item_id", item},
                                                    {"result_codes", json::array{"F"}},
                                                    {"findings", ""},
                                                    {"handling", ""}}}}});
  ASSERT_EQ(own.status, 201) << json::serialize(own.body);
  http::Response self =
      Call(Method::kPost, "/api/v1/result-corrections/" +
                              std::to_string(own.body.at("id").as_int64()) + "/approve");
  EXPECT_EQ(self.status, 403);
  EXPECT_EQ(self.body.at("code"), "publicity.self_approval");

  // After the window objections are refused: with the window set to 5 working days, 7 have
  // passed by 2026-11-28 (a make-up free Saturday: 11-19..11-27).
  ASSERT_EQ(Call(Method::kPut, "/api/v1/policy",
                 {{"overrides",
                   {{"objection_window_days", 5},
                    {"objection_review_days", 20},
                    {"objection_notify_days", 7}}},
                  {"reason", "测试：缩短异议期限"}})
                .status,
            200);
  clock().Advance(int64_t{86400000} * 10);
  http::Response late = objection(verify);
  ASSERT_EQ(late.status, 409) << json::serialize(late.body);
  EXPECT_EQ(late.body.at("code"), "publicity.objection_closed");
  EXPECT_NE(late.body.at("message").as_string().find("2026-11-25"), std::string::npos)
      << late.body.at("message");
}

TEST_P(PublicityTest, TheDashboardCountsPublicationInWorkingDays) {
  LoginAs("yewu", "Demo@2026");
  // A window that ended on 2026-11-18: 20 working days to publish (the joint profile).
  json::value body = TaskBody("2026年节能监察（已结束）", "2026-11-18", "2026-11-18");
  body.as_object()["strata"] = json::array{{{"id", "ALL"}, {"count", 2}}};
  const int64_t task = Create(body);
  const std::string secret = Commit(task);
  ASSERT_EQ(
      Call(Method::kPost, Path(task, "/draw"), DrawBody(secret, "31415926535897932384")).status,
      200);
  ASSERT_EQ(Call(Method::kPost, Path(task, "/confirm")).status, 200);
  ASSERT_EQ(Call(Method::kPost, Path(task, "/start")).status, 200);
  json::value board = Call(Method::kGet, "/api/v1/inspection/deadlines").body;
  ASSERT_TRUE(board.is_object() && board.as_object().contains("tasks")) << json::serialize(board);
  ASSERT_EQ(board.at("tasks").as_array().size(), 1u);
  EXPECT_TRUE(board.at("tasks").at(0).at("publish").is_null());  // the window has not ended
  clock().Advance(int64_t{86400000} * 2);                        // 2026-11-20, a Friday
  LoginAs("yewu", "Demo@2026");  // the session has expired meanwhile
  board = Call(Method::kGet, "/api/v1/inspection/deadlines").body;
  const json::value& publish = board.at("tasks").at(0).at("publish");
  EXPECT_EQ(publish.at("due"), "2026-12-16");
  EXPECT_EQ(publish.at("days_left"), 18);
  EXPECT_EQ(publish.at("level"), "green");
  EXPECT_EQ(board.at("tasks").at(0).at("counts").at("pending"), 2);
  // Archives: 30 working days (the joint profile says none; set as Zibo's).
  EXPECT_TRUE(board.at("tasks").at(0).at("archive").is_null());
  LoginAs("admin", "Admin@2026");
  ASSERT_EQ(
      Call(Method::kPut, "/api/v1/policy",
           {{"overrides", {{"archive_days", 30}}}, {"reason", "参照淄工信发〔2020〕5号第十九条"}})
          .status,
      200);
  LoginAs("yewu", "Demo@2026");
  board = Call(Method::kGet, "/api/v1/inspection/deadlines").body;
  EXPECT_EQ(board.at("tasks").at(0).at("archived"), 0);
  EXPECT_EQ(board.at("tasks").at(0).at("archive").at("days_left"), 28);
  clock().Advance(int64_t{86400000} * 30);  // 2026-12-20, a Sunday past the due date
  LoginAs("yewu", "Demo@2026");
  board = Call(Method::kGet, "/api/v1/inspection/deadlines").body;
  EXPECT_EQ(board.at("tasks").at(0).at("publish").at("level"), "red");
  EXPECT_EQ(board.at("tasks").at(0).at("archive").at("level"), "green");
}

// The objection form is open to everyone and each try tests a verification code: one address
// gets kObjectionsPerHour tries an hour, refused or not, then 429 with Retry-After. Other
// addresses are not held up, and the next hour starts afresh.
TEST_P(PublicityTest, ObjectionsAreLimitedPerAddressAndHour) {
  auto file_from = [&](const std::string& ip) {
    http::Request req;
    req.method = Method::kPost;
    req.path = "/api/v1/public/objections";
    req.body = {{"uscc", "91500103MA60K3T26Y"},
                {"verify_code", "ABCDEFGH"},
                {"contact_name", "孙立新"},
                {"contact_phone", "13983005555"},
                {"content", "我公司对检查结果有异议"}};
    req.ip = ip;
    return http::Dispatch(*router_, services(), req);
  };
  for (int64_t i = 0; i < kObjectionsPerHour; ++i) {
    http::Response r = file_from("203.0.113.7");
    ASSERT_EQ(r.status, 400) << i << " " << json::serialize(r.body);  // a wrong code, refused
  }
  http::Response limited = file_from("203.0.113.7");
  ASSERT_EQ(limited.status, 429) << json::serialize(limited.body);
  EXPECT_EQ(limited.body.at("code"), "rate.limited");
  EXPECT_EQ(limited.body.at("message"), "提交过于频繁，请 60 分钟后再试");
  bool retry_after = false;
  for (const auto& [name, value] : limited.headers) retry_after |= name == "Retry-After";
  EXPECT_TRUE(retry_after);
  EXPECT_EQ(file_from("203.0.113.8").status, 400);  // another address
  clock().Advance(3600 * 1000);
  EXPECT_EQ(file_from("203.0.113.7").status, 400);
}

SSJ_BOTH_BACKENDS(PublicityTest);

}  // namespace
}  // namespace ssj::publicity
