// Inspection records: the rules as plain functions (result categories that exclude each other,
// actions, what blocks a submission), the seed against the shipped dictionary file, and the
// journey through the HTTP pipeline on both backends: a joint team fills a record on the phone
// (each department its own item), evidence and the firm's signature, sign-offs that an edit
// clears, a submission that a flaky connection repeats harmlessly, a return and an approval; a
// target that cannot be inspected; and who may see what.
#include "inspection/inspection.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/crypto.h"
#include "common/embedded.h"
#include "common/upload.h"
#include "db/database.h"
#include "testing/task_fixture.h"

namespace ssj::inspection {
namespace {

using http::Method;
namespace json = boost::json;

std::vector<Category> Dictionary() {
  return {{"1", "未发现问题", std::nullopt, false, false, true},
          {"A", "发现问题待后续处理", std::nullopt, true, false, true},
          {"2", "违反工商行政管理相关规定", "A", true, false, true},
          {"B", "未按规定公示应当公示的信息", "2", true, false, true},
          {"E", "发现问题已责令改正", std::nullopt, true, false, true},
          {"9", "注销", std::nullopt, false, true, true},
          {"X", "停用的类别", std::nullopt, true, false, false}};
}

RecordItem Row() {
  RecordItem r;
  r.item_id = 1;
  r.name = "重点用能单位节能监察";
  r.methods = {"书面检查", "现场检查"};
  r.department_name = "节能与综合利用处";
  return r;
}

TEST(InspectionRules, ResultCategoriesFollowTheHierarchy) {
  const auto categories = Dictionary();
  auto check = [&](std::vector<std::string> codes, std::string findings = "") {
    ItemInput in;
    in.result_codes = std::move(codes);
    in.findings = std::move(findings);
    return CheckItem(in, Row(), categories);
  };
  EXPECT_TRUE(check({"1"}).ok());
  EXPECT_TRUE(check({"B", "E"}, "未公示年度报告").ok());
  Status ancestor = check({"A", "B"});
  ASSERT_FALSE(ancestor.ok());
  EXPECT_NE(ancestor.error().message.find("已包含"), std::string::npos) << ancestor.error().message;
  EXPECT_FALSE(check({"1", "E"}).ok());           // 未发现问题 stands alone
  EXPECT_FALSE(check({"1"}, "发现未公示").ok());  // and has no findings
  EXPECT_FALSE(check({"B", "B"}).ok());           // each once
  EXPECT_FALSE(check({"Z"}).ok());                // unknown
  EXPECT_FALSE(check({"X"}).ok());                // retired
  ItemInput flying;
  flying.method = "飞行检查";
  Status method = CheckItem(flying, Row(), categories);
  ASSERT_FALSE(method.ok());
  EXPECT_EQ(method.error().details.at("field"), "method");
}

TEST(InspectionRules, ActionsHeadersAndUninspectable) {
  ActionInput rectify{"act-00000001", "责令改正", "限期公示年度报告", ""};
  EXPECT_FALSE(CheckAction(rectify, "2026-11-18").ok());  // needs a deadline
  rectify.deadline = "2026-11-17";
  EXPECT_FALSE(CheckAction(rectify, "2026-11-18").ok());  // not in the past
  rectify.deadline = "2026-12-18";
  EXPECT_TRUE(CheckAction(rectify, "2026-11-18").ok());
  ActionInput bad_id{"短", "抄告相关部门", "", ""};
  EXPECT_FALSE(CheckAction(bad_id, "2026-11-18").ok());
  ActionInput unknown{"act-00000002", "罚款", "", ""};
  EXPECT_FALSE(CheckAction(unknown, "2026-11-18").ok());

  Header h{"\u3000测试企业有限公司 ", "91500103ma0000000x", "渝中区", "", "", "", ""};
  ASSERT_TRUE(CheckHeader(h).ok());
  EXPECT_EQ(h.subject_name, "测试企业有限公司");
  EXPECT_EQ(h.uscc, "91500103MA0000000X");
  Header empty;
  EXPECT_FALSE(CheckHeader(empty).ok());

  std::string note = "现场核实已注销";
  EXPECT_TRUE(CheckUninspectable("9", note, Dictionary()).ok());
  EXPECT_FALSE(CheckUninspectable("1", note, Dictionary()).ok());
  std::string blank;
  EXPECT_FALSE(CheckUninspectable("9", blank, Dictionary()).ok());
}

TEST(InspectionRules, EvidenceIsTypedByContentAndLimitedInSize) {
  const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF";
  EXPECT_EQ(upload::CheckFile("现场.jpg", jpeg, kMaxEvidenceBytes, "20 MB").value(), "image/jpeg");
  // A PDF named .jpg is a PDF; a text file named .jpg is refused.
  EXPECT_EQ(upload::CheckFile("现场.jpg", "%PDF-1.4", kMaxEvidenceBytes, "20 MB").value(),
            "application/pdf");
  EXPECT_FALSE(upload::CheckFile("现场.jpg", "hello", kMaxEvidenceBytes, "20 MB").ok());
  std::string big = jpeg + std::string(kMaxEvidenceBytes, 'x');
  auto too_big = upload::CheckFile("现场.jpg", big, kMaxEvidenceBytes, "20 MB");
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.error().message.find("20 MB"), std::string::npos);
  EXPECT_FALSE(upload::CheckFile("../现场.jpg", jpeg, kMaxEvidenceBytes, "20 MB").ok());
}

TEST(InspectionRules, WhatBlocksASubmission) {
  Record r;
  r.task_status = "inspecting";
  r.items = {Row()};
  r.items[0].department_name = "节能与综合利用处";
  r.team = {{1, "赵俊杰", 4, "节能与综合利用处", 0, std::nullopt, ""},
            {2, "李娟", 5, "消费品工业处", 1, std::nullopt, "2026-11-18T02:00:00.000Z"}};
  std::vector<std::string> missing = Missing(r, Dictionary());
  ASSERT_EQ(missing.size(), 3u);
  EXPECT_NE(missing[0].find("未选择检查结果"), std::string::npos);
  EXPECT_NE(missing[1].find("未签字"), std::string::npos);
  EXPECT_EQ(missing[2], "赵俊杰（组长）未签字确认");
  // Could not be inspected: no items or firm signature, but evidence.
  r.uninspectable = "9";
  missing = Missing(r, Dictionary());
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_NE(missing[0].find("证据"), std::string::npos);
  r.attachments.push_back({1, "evidence", "现场.jpg", "image/jpeg", 10, "", "", ""});
  r.team[0].signed_at = "2026-11-18T03:00:00.000Z";
  EXPECT_TRUE(Missing(r, Dictionary()).empty());
  EXPECT_EQ(RecorderDepartment(5, {4, 5}), 5);
  EXPECT_EQ(RecorderDepartment(9, {4, 5}), 4);  // not in the task: the initiating one
}

TEST(InspectionRules, TheSeedIsTheShippedDictionary) {
  // Migration 0016 writes the scheme2017 items of data/inspection-results.json with their
  // hierarchy; a wording variant may replace the text (the and file 003's wording).
  std::string_view migration, data;
  for (const auto& [key, content] : embedded::Files()) {
    if (key == "migrations/0016_inspections.sql") migration = content;
    if (key == "data/inspection-results.json") data = content;
  }
  ASSERT_FALSE(migration.empty());
  ASSERT_FALSE(data.empty());
  const json::value root = json::parse(data);
  const json::object& variants = root.at("wordingVariantsObserved").as_object();
  int checked = 0;
  for (const json::value& item : root.at("scheme2017").at("items").as_array()) {
    const std::string code(item.at("code").as_string());
    std::vector<std::string> texts{std::string(item.at("text").as_string())};
    if (const json::value* v = variants.if_contains(code)) {
      for (const json::value& t : v->as_array()) texts.emplace_back(t.as_string());
    }
    const std::string parent = item.at("parent").is_null()
                                   ? "NULL"
                                   : "'" + std::string(item.at("parent").as_string()) + "'";
    bool found = false;
    for (const std::string& text : texts) {
      found = found || migration.find("('" + code + "', '" + text + "', " + parent + ",") !=
                           std::string_view::npos;
    }
    EXPECT_TRUE(found) << code << " " << texts[0];
    ++checked;
  }
  EXPECT_EQ(checked, 19);
}

// --- Through the pipeline ----------------------------------------------------------------------

class InspectionTest : public testing::TaskTest {
 protected:
  // The first record of a started task, its leader linked to zhifa and its member to jiancha.
  json::value FirstRecord(int64_t task) {
    http::Response list = Call(Method::kGet, Path(task, "/inspections"));
    EXPECT_EQ(list.status, 200) << json::serialize(list.body);
    const int64_t id = list.body.at("items").at(0).at("id").as_int64();
    json::value record = Call(Method::kGet, Rec(id)).body;
    Link("zhifa", record.at("team").at(0).at("inspector_id").as_int64());
    Link("jiancha", record.at("team").at(1).at("inspector_id").as_int64());
    return record;
  }

  static std::string Png() {
    return std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\0\0\rIHDR ssj signature", 21);
  }
};

TEST_P(InspectionTest, AJointTeamFillsSubmitsAndTheOfficeReviews) {
  LoginAs("yewu", "Demo@2026");
  json::value body = TaskBody("2026年节能与消费品联合检查", "2026-11-18");
  body.as_object()["item_ids"] = json::array{ItemId("CQJXW-JNZY-001"), ItemId("CQJXW-XFP-001")};
  body.as_object()["strata"] = json::array{{{"id", "ALL"}, {"count", 3}}};
  const int64_t task = Create(body);
  ASSERT_GT(task, 0);
  const std::string secret = Commit(task);
  ASSERT_EQ(
      Call(Method::kPost, Path(task, "/draw"), DrawBody(secret, "31415926535897932384")).status,
      200);
  ASSERT_EQ(Call(Method::kPost, Path(task, "/confirm")).status, 200);
  ASSERT_EQ(Call(Method::kPost, Path(task, "/start")).status, 200);

  http::Response list = Call(Method::kGet, Path(task, "/inspections"));
  ASSERT_EQ(list.status, 200) << json::serialize(list.body);
  ASSERT_EQ(list.body.at("items").as_array().size(), 3u);
  EXPECT_EQ(list.body.at("counts").at("pending"), 3);
  const json::value first = FirstRecord(task);
  const int64_t id = first.at("id").as_int64();
  // The header comes from the directory; each item is recorded by its own department.
  EXPECT_EQ(first.at("header").at("district"), "渝中区");
  EXPECT_EQ(first.at("header").at("uscc"), first.at("target_code"));
  ASSERT_EQ(first.at("items").as_array().size(), 2u);
  EXPECT_EQ(first.at("items").at(0).at("department_name"), "节能与综合利用处");
  EXPECT_EQ(first.at("items").at(1).at("department_name"), "消费品工业处");
  EXPECT_FALSE(first.at("can_edit").as_bool());  // staff read, the team writes
  const std::string energy = Rec(id, "/items/" + std::to_string(ItemId("CQJXW-JNZY-001")));
  const std::string goods = Rec(id, "/items/" + std::to_string(ItemId("CQJXW-XFP-001")));

  // The member (消费品工业处) sees the record among theirs and records their own item only.
  LoginAs("jiancha", "Demo@2026");
  http::Response mine = Call(Method::kGet, "/api/v1/my/inspections");
  ASSERT_EQ(mine.status, 200) << json::serialize(mine.body);
  bool listed = false;
  for (const auto& r : mine.body.at("items").as_array()) {
    if (r.at("id") == id) listed = r.at("role") == "组员" && r.at("in_window") == true;
  }
  EXPECT_TRUE(listed);
  json::object ok_item{{"method", "现场检查"},
                       {"checked", "许可证有效期及标注"},
                       {"findings", ""},
                       {"result_codes", json::array{"1"}},
                       {"handling", ""}};
  http::Response not_mine = Call(Method::kPut, energy, ok_item);
  EXPECT_EQ(not_mine.status, 403);
  EXPECT_EQ(not_mine.body.at("code"), "inspection.not_your_item");
  http::Response own = Call(Method::kPut, goods, ok_item);
  ASSERT_EQ(own.status, 200) << json::serialize(own.body);
  EXPECT_EQ(own.body.at("items").at(1).at("result_texts").at(0), "未发现问题");

  // The leader: an incomplete record is refused, naming every gap.
  LoginAs("zhifa", "Demo@2026");
  http::Response early = Call(Method::kPost, Rec(id, "/submit"));
  ASSERT_EQ(early.status, 400);
  EXPECT_EQ(early.body.at("code"), "inspection.incomplete");
  EXPECT_EQ(early.body.at("details").at("missing").as_array().size(), 4u)
      << json::serialize(early.body);
  json::object found{{"method", "现场检查"},
                     {"checked", "能源利用状况报告报送情况"},
                     {"findings", "未按规定报送 2025 年度能源利用状况报告"},
                     {"result_codes", json::array{"A", "B"}},
                     {"handling", "责令限期报送"}};
  EXPECT_EQ(Call(Method::kPut, energy, found).status, 400);  // a category with its ancestor
  found["result_codes"] = json::array{"B", "E"};
  ASSERT_EQ(Call(Method::kPut, energy, found).status, 200);
  // Actions: 责令改正 needs a deadline; a retried request adds nothing.
  json::object action{{"client_id", "act-0001-aaaa"}, {"kind", "责令改正"}, {"detail", "限期报送"}};
  EXPECT_EQ(Call(Method::kPost, Rec(id, "/actions"), action).status, 400);
  action["deadline"] = "2026-12-18";
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/actions"), action).status, 201);
  http::Response again = Call(Method::kPost, Rec(id, "/actions"), action);
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(again.body.at("actions").as_array().size(), 1u);
  // Evidence by content, not by name; a repeated upload is the first one.
  http::Response text = Upload(Rec(id, "/attachments"), "not a photo",
                               {{"file_name", "现场.jpg"}, {"client_id", "ev-0001-aaaa"}});
  EXPECT_EQ(text.status, 400);
  const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF evidence";
  http::Response photo = Upload(Rec(id, "/attachments"), jpeg,
                                {{"file_name", "现场.jpg"}, {"client_id", "ev-0001-aaaa"}});
  ASSERT_EQ(photo.status, 201) << json::serialize(photo.body);
  EXPECT_EQ(photo.body.at("sha256").as_string(), Sha256Hex(jpeg));
  http::Response photo_again = Upload(Rec(id, "/attachments"), jpeg,
                                      {{"file_name", "现场.jpg"}, {"client_id", "ev-0001-aaaa"}});
  EXPECT_EQ(photo_again.status, 200);
  EXPECT_EQ(photo_again.body.at("id"), photo.body.at("id"));
  // The firm signs on the screen.
  EXPECT_EQ(Call(Method::kPut, Rec(id, "/firm"), {{"refused", true}, {"reason", ""}}).status, 400);
  EXPECT_EQ(Call(Method::kPut, Rec(id, "/firm"), {{"signer_name", "孙立新"}, {"signature", "AAAA"}})
                .status,
            400);
  http::Response signed_firm = Call(Method::kPut, Rec(id, "/firm"),
                                    {{"signer_name", "孙立新"}, {"signature", Base64(Png())}});
  ASSERT_EQ(signed_firm.status, 200) << json::serialize(signed_firm.body);
  EXPECT_EQ(signed_firm.body.at("firm").at("state"), "signed");
  // Sign-offs: an edit clears them.
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  json::object header = signed_firm.body.at("header").as_object();
  header["legal_rep"] = "孙立新";
  http::Response edited = Call(Method::kPut, Rec(id, "/header"), header);
  ASSERT_EQ(edited.status, 200);
  EXPECT_TRUE(edited.body.at("team").at(0).at("signed_at").is_null());
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  LoginAs("jiancha", "Demo@2026");
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  EXPECT_EQ(Call(Method::kPost, Rec(id, "/submit")).body.at("code"), "inspection.leader_only");

  // Submitted once; a repeat (the phone lost the answer) changes nothing.
  LoginAs("zhifa", "Demo@2026");
  http::Response submitted = Call(Method::kPost, Rec(id, "/submit"));
  ASSERT_EQ(submitted.status, 200) << json::serialize(submitted.body);
  EXPECT_EQ(submitted.body.at("status"), "submitted");
  http::Response resubmitted = Call(Method::kPost, Rec(id, "/submit"));
  EXPECT_EQ(resubmitted.status, 200);
  EXPECT_EQ(resubmitted.body.at("version"), submitted.body.at("version"));
  http::Response locked = Call(Method::kPut, energy, found);
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(locked.body.at("code"), "inspection.locked");

  // The office returns it with a reason, the team corrects and resubmits, the office approves.
  LoginAs("yewu", "Demo@2026");
  EXPECT_EQ(
      Call(Method::kPost, Rec(id, "/review"), {{"decision", "return"}, {"comment", " "}}).status,
      400);
  http::Response returned = Call(Method::kPost, Rec(id, "/review"),
                                 {{"decision", "return"}, {"comment", "请写明整改期限"}});
  ASSERT_EQ(returned.status, 200) << json::serialize(returned.body);
  EXPECT_EQ(returned.body.at("status"), "returned");
  LoginAs("zhifa", "Demo@2026");
  found["handling"] = "责令于 2026-12-18 前补报";
  ASSERT_EQ(Call(Method::kPut, energy, found).status, 200);
  EXPECT_FALSE(Call(Method::kGet, Rec(id)).body.at("can_submit").as_bool());  // sign again
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  LoginAs("jiancha", "Demo@2026");
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  LoginAs("zhifa", "Demo@2026");
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/submit")).status, 200);
  // The head reads but does not review; the office approves.
  LoginAs("fuzeren", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, Rec(id)).status, 200);
  EXPECT_EQ(Call(Method::kPost, Rec(id, "/review"), {{"decision", "approve"}}).status, 403);
  LoginAs("yewu", "Demo@2026");
  http::Response approved = Call(Method::kPost, Rec(id, "/review"), {{"decision", "approve"}});
  ASSERT_EQ(approved.status, 200);
  EXPECT_EQ(approved.body.at("status"), "reviewed");
  EXPECT_EQ(approved.body.at("reviews").as_array().size(), 2u);
  EXPECT_EQ(Call(Method::kGet, Path(task, "/inspections")).body.at("counts").at("reviewed"), 1);

  // Follow-up: the 责令改正 is tracked until closed with its outcome; the target's history
  // shows the record and, until then, the open action.
  http::Response open =
      Call(Method::kGet, "/api/v1/follow-ups", nullptr, true, {{"status", "open"}});
  ASSERT_EQ(open.status, 200);
  ASSERT_EQ(open.body.at("items").as_array().size(), 1u) << json::serialize(open.body);
  const json::value& rectify = open.body.at("items").at(0);
  EXPECT_EQ(rectify.at("kind"), "责令改正");
  EXPECT_EQ(rectify.at("deadline"), "2026-12-18");
  EXPECT_EQ(rectify.at("overdue"), false);
  const std::string target =
      "/api/v1/targets/" + std::to_string(first.at("target_id").as_int64()) + "/inspections";
  json::value history = Call(Method::kGet, target).body;
  ASSERT_EQ(history.at("records").as_array().size(), 1u) << json::serialize(history);
  EXPECT_EQ(history.at("records").at(0).at("status_name"), "已审核");
  EXPECT_EQ(history.at("open_follow_ups").as_array().size(), 1u);
  const std::string close =
      "/api/v1/follow-ups/" + std::to_string(rectify.at("id").as_int64()) + "/close";
  EXPECT_EQ(Call(Method::kPost, close, {{"outcome", " "}}).status, 400);
  http::Response closed =
      Call(Method::kPost, close, {{"outcome", "2026-12-10 复查，企业已补报能源利用状况报告"}});
  ASSERT_EQ(closed.status, 200) << json::serialize(closed.body);
  EXPECT_EQ(closed.body.at("status"), "closed");
  EXPECT_EQ(Call(Method::kPost, close, {{"outcome", "再次办结"}}).status, 409);
  EXPECT_TRUE(Call(Method::kGet, target).body.at("open_follow_ups").as_array().empty());
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/follow-ups").status, 403);
  LoginAs("yewu", "Demo@2026");
  {
    db::Lease sql = database().Acquire();
    EXPECT_GE(db::Query("SELECT COUNT(*) FROM audit_log WHERE action = 'inspection:record:edit' "
                        "AND object_id = :id")
                  .Bind("id", std::to_string(id))
                  .ScalarInt(*sql),
              5);
    EXPECT_GE(db::Query("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'inspection:%:refused'")
                  .ScalarInt(*sql),
              5);
  }
}

TEST_P(InspectionTest, ATargetThatCannotBeInspectedCompletesWithEvidence) {
  LoginAs("yewu", "Demo@2026");
  const int64_t task = InspectingTask("2026年节能监察（注销核查）", 2);
  const int64_t id = FirstRecord(task).at("id").as_int64();
  json::object gone{{"category", "9"}, {"description", "现场核实，该企业已办理注销登记"}};
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kPut, Rec(id, "/uninspectable"), gone).status, 403);  // the leader's
  LoginAs("zhifa", "Demo@2026");
  EXPECT_EQ(Call(Method::kPut, Rec(id, "/uninspectable"), {{"category", "1"}, {"description", "x"}})
                .status,
            400);
  http::Response marked = Call(Method::kPut, Rec(id, "/uninspectable"), gone);
  ASSERT_EQ(marked.status, 200) << json::serialize(marked.body);
  EXPECT_EQ(marked.body.at("uninspectable").at("category_text"), "注销");
  // No items or signature now, but evidence and the team's confirmation.
  EXPECT_EQ(marked.body.at("missing").as_array().size(), 3u) << json::serialize(marked.body);
  const std::string item = Rec(id, "/items/" + std::to_string(ItemId("CQJXW-JNZY-001")));
  EXPECT_EQ(Call(Method::kPut, item, {{"result_codes", json::array{"1"}}}).status, 409);
  const std::string pdf = "%PDF-1.4 注销登记通知书";
  ASSERT_EQ(Upload(Rec(id, "/attachments"), pdf,
                   {{"file_name", "注销登记通知书.pdf"}, {"client_id", "ev-0002-bbbb"}})
                .status,
            201);
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  LoginAs("jiancha", "Demo@2026");
  ASSERT_EQ(Call(Method::kPost, Rec(id, "/signoff")).status, 200);
  LoginAs("zhifa", "Demo@2026");
  http::Response submitted = Call(Method::kPost, Rec(id, "/submit"));
  ASSERT_EQ(submitted.status, 200) << json::serialize(submitted.body);
  EXPECT_EQ(submitted.body.at("status"), "submitted");
}

TEST_P(InspectionTest, OnlyTheTeamAndTheOfficeSeeARecord) {
  LoginAs("yewu", "Demo@2026");
  const int64_t task = InspectingTask("2026年节能监察", 2);
  const int64_t id = FirstRecord(task).at("id").as_int64();
  // An account linked to no inspector.
  LoginAs("dazu", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/my/inspections").body.at("code"), "task.not_an_inspector");
  // Another district's staff: neither the task nor the record exists for them.
  EXPECT_EQ(Call(Method::kGet, Rec(id)).status, 404);
  EXPECT_EQ(Call(Method::kGet, Path(task, "/inspections")).status, 404);
  // An inspector on another target's team only.
  LoginAs("yewu", "Demo@2026");
  const json::value second = Call(Method::kGet, Path(task, "/inspections")).body.at("items").at(1);
  const json::value other = Call(Method::kGet, Rec(second.at("id").as_int64())).body;
  bool shared = false;
  for (const auto& m : other.at("team").as_array()) {
    shared = shared || m.at("name") == Call(Method::kGet, Rec(id)).body.at("team").at(1).at("name");
  }
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, Rec(second.at("id").as_int64())).status, shared ? 200 : 404);
  EXPECT_EQ(Call(Method::kGet, Rec(id)).status, 200);
  EXPECT_EQ(Call(Method::kGet, Rec(id, "/attachments/999")).status, 404);
}

SSJ_BOTH_BACKENDS(InspectionTest);

}  // namespace
}  // namespace ssj::inspection
