// Annual plan rules without a database: a plan's rows are checked against the items and the
// policy with a zh-CN error naming the row, the column and the value; the lifecycle refuses
// steps out of order and self-approval; the publish-by date flags a late plan; rows of two
// departments in the same domain or scope with overlapping windows are suggested for merging.
#include "plan/plan.h"

#include <gtest/gtest.h>

#include <functional>

#include "policy/policy.h"

namespace ssj::plan {
namespace {

std::vector<ItemRef> Items() {
  return {
      {.id = 1,
       .published_version = 2,
       .name = "工业产品生产许可证获证企业检查",
       .domain = "工业产品质量",
       .category = "一般",
       .ratio_cap = "0.05"},
      {.id = 2,
       .published_version = 1,
       .name = "危险化学品安全检查",
       .domain = "安全生产",
       .category = "重点"},
      {.id = 3,
       .published_version = 0,
       .name = "草稿事项",
       .category = "一般",
       .ratio_cap = "0.05"},
      {.id = 4, .published_version = 1, .name = "已停用事项", .category = "重点", .retired = true},
  };
}

RowInput GoodRow(int64_t item_id) {
  return {.item_id = item_id,
          .target_scope = "全市获证企业",
          .start_date = "2026-04-01",
          .end_date = "2026-06-30",
          .ratio = "5",
          .count = 0,
          .cooperating_ids = {9, 7, 9}};
}

PlanInput GoodPlan() {
  return {.year = 2026,
          .name = " 2026 年度部门联合抽查工作计划 ",
          .department_id = 3,
          .rows = {GoodRow(1), GoodRow(2)}};
}

const policy::Rules& CqJoint() { return policy::FindProfile("cq-joint")->rules; }
const policy::Rules& Miit() { return policy::FindProfile("miit")->rules; }

TEST(PlanCheck, NormalisesAGoodPlan) {
  auto rows = CheckPlan(GoodPlan(), Items(), CqJoint());
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].item_version, 2);
  EXPECT_EQ((*rows)[0].category, "一般");  // the item's category when the row leaves it empty
  EXPECT_EQ((*rows)[1].category, "重点");
  EXPECT_EQ((*rows)[0].ratio, "5");
  EXPECT_EQ((*rows)[0].cooperating_ids, (std::vector<int64_t>{7, 9}));
}

struct BadCase {
  std::string name;
  std::function<void(PlanInput&)> change;
  std::string field;
  std::string value;
  std::string message_part;
};

TEST(PlanCheck, NamesTheRowFieldAndValue) {
  const std::vector<BadCase> cases = {
      {"year too early", [](PlanInput& p) { p.year = 2010; }, "year", "2010", "2015–2099"},
      {"no name", [](PlanInput& p) { p.name = "  "; }, "name", "", "计划名称"},
      {"no department", [](PlanInput& p) { p.department_id = 0; }, "department_id", "", "发起部门"},
      {"no rows", [](PlanInput& p) { p.rows.clear(); }, "rows", "", "至少"},
      {"unknown item", [](PlanInput& p) { p.rows[1].item_id = 99; }, "rows[1].item_id", "99",
       "第 2 行"},
      {"draft item", [](PlanInput& p) { p.rows[1].item_id = 3; }, "rows[1].item_id", "3",
       "尚未发布"},
      {"retired item", [](PlanInput& p) { p.rows[0].item_id = 4; }, "rows[0].item_id", "4",
       "已停用"},
      {"duplicate item", [](PlanInput& p) { p.rows[1].item_id = 1; }, "rows[1].item_id", "1",
       "重复"},
      {"bad category", [](PlanInput& p) { p.rows[0].category = "特别"; }, "rows[0].category",
       "特别", "重点 或 一般"},
      {"bad date", [](PlanInput& p) { p.rows[0].start_date = "2026-02-30"; }, "rows[0].start_date",
       "2026-02-30", "YYYY-MM-DD"},
      {"date outside year", [](PlanInput& p) { p.rows[1].end_date = "2027-01-05"; },
       "rows[1].end_date", "2027-01-05", "不在计划年度 2026 年内"},
      {"end before start", [](PlanInput& p) { p.rows[0].end_date = "2026-03-01"; },
       "rows[0].end_date", "2026-03-01", "早于开始日期"},
      {"ratio three decimals", [](PlanInput& p) { p.rows[1].ratio = "2.555"; }, "rows[1].ratio",
       "2.555", "两位小数"},
      {"ratio above 100", [](PlanInput& p) { p.rows[1].ratio = "120"; }, "rows[1].ratio", "120",
       "不超过 100"},
      {"ratio zero", [](PlanInput& p) { p.rows[1].ratio = "0"; }, "rows[1].ratio", "0", "大于 0"},
      {"neither ratio nor count", [](PlanInput& p) { p.rows[1].ratio = ""; }, "rows[1].count", "0",
       "抽取对象数量"},
      {"negative count",
       [](PlanInput& p) {
         p.rows[1].ratio = "";
         p.rows[1].count = -3;
       },
       "rows[1].count", "-3", "抽取对象数量"},
      {"general above cap", [](PlanInput& p) { p.rows[0].ratio = "5.5"; }, "rows[0].ratio", "5.5",
       "5.5% 超过该事项的比例上限 5%"},
      {"cooperating is initiating", [](PlanInput& p) { p.rows[0].cooperating_ids = {3}; },
       "rows[0].cooperating_ids", "3", "发起部门"},
  };
  for (const BadCase& c : cases) {
    PlanInput input = GoodPlan();
    c.change(input);
    auto rows = CheckPlan(input, Items(), CqJoint());
    ASSERT_FALSE(rows.ok()) << c.name;
    EXPECT_EQ(rows.error().kind, ErrorKind::kInvalidArgument) << c.name;
    EXPECT_EQ(rows.error().details.at("field").as_string(), c.field) << c.name;
    if (!c.value.empty()) {
      EXPECT_EQ(rows.error().details.at("value").as_string(), c.value) << c.name;
    }
    EXPECT_NE(rows.error().message.find(c.message_part), std::string::npos)
        << c.name << ": " << rows.error().message;
  }
}

TEST(PlanCheck, RowErrorNamesTheItem) {
  PlanInput input = GoodPlan();
  input.rows[0].ratio = "6";
  auto rows = CheckPlan(input, Items(), CqJoint());
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message.find("第 1 行（工业产品生产许可证获证企业检查）"),
            std::string::npos)
      << rows.error().message;
}

TEST(PlanCheck, GeneralCapOnlyWhenThePolicyHasOne) {
  PlanInput input = GoodPlan();
  input.rows[0].ratio = "8";
  EXPECT_FALSE(CheckPlan(input, Items(), CqJoint()).ok());
  // 001 (工信部) sets no cap for general items.
  EXPECT_TRUE(CheckPlan(input, Items(), Miit()).ok());
  // A 重点 row has no cap whatever the item's.
  input.rows[0].category = "重点";
  EXPECT_TRUE(CheckPlan(input, Items(), CqJoint()).ok());
}

TEST(PlanCheck, CountAloneIsEnoughAndRatioAtTheCapPasses) {
  PlanInput input = GoodPlan();
  input.rows[1].ratio = "";
  input.rows[1].count = 12;
  input.rows[0].ratio = "5.00%";
  auto rows = CheckPlan(input, Items(), CqJoint());
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ((*rows)[0].ratio, "5");
  EXPECT_EQ((*rows)[1].ratio, "");
  EXPECT_EQ((*rows)[1].count, 12);
}

TEST(PlanPercent, ParsesHundredthsAndCaps) {
  EXPECT_EQ(ParsePercent("5"), 500);
  EXPECT_EQ(ParsePercent("2.5%"), 250);
  EXPECT_EQ(ParsePercent("0.01"), 1);
  EXPECT_EQ(ParsePercent("100"), 10000);
  EXPECT_EQ(ParsePercent("100.01"), std::nullopt);
  EXPECT_EQ(ParsePercent("1.234"), std::nullopt);
  EXPECT_EQ(ParsePercent("abc"), std::nullopt);
  EXPECT_EQ(CapHundredths("0.05"), 500);
  EXPECT_EQ(CapHundredths("1"), 10000);
  EXPECT_EQ(CapHundredths("0.000015"), 1);  // rounded up: never stricter than the item
}

TEST(PlanLifecycle, StepsInOrder) {
  EXPECT_EQ(Transition(State::kDraft, Action::kEdit).value(), State::kDraft);
  EXPECT_EQ(Transition(State::kDraft, Action::kSubmit).value(), State::kSubmitted);
  EXPECT_EQ(Transition(State::kSubmitted, Action::kApprove).value(), State::kApproved);
  EXPECT_EQ(Transition(State::kSubmitted, Action::kReject).value(), State::kDraft);
  EXPECT_EQ(Transition(State::kApproved, Action::kPublish).value(), State::kPublished);
  EXPECT_EQ(Transition(State::kPublished, Action::kAdjust).value(), State::kDraft);
}

TEST(PlanLifecycle, RefusesStepsOutOfOrder) {
  const std::vector<std::pair<State, Action>> refused = {
      {State::kDraft, Action::kApprove},     {State::kDraft, Action::kPublish},
      {State::kDraft, Action::kAdjust},      {State::kSubmitted, Action::kEdit},
      {State::kSubmitted, Action::kPublish}, {State::kApproved, Action::kEdit},
      {State::kApproved, Action::kApprove},  {State::kPublished, Action::kEdit},
      {State::kPublished, Action::kSubmit},  {State::kPublished, Action::kPublish},
  };
  for (auto [from, action] : refused) {
    auto to = Transition(from, action);
    ASSERT_FALSE(to.ok()) << StatusCode(from) << " " << static_cast<int>(action);
    EXPECT_EQ(to.error().code, "plan.bad_state");
    EXPECT_EQ(to.error().kind, ErrorKind::kConflict);
  }
  EXPECT_EQ(Transition(State::kPublished, Action::kEdit).error().message,
            "计划当前状态为“已发布”，不能修改");
}

TEST(PlanLifecycle, SelfApprovalRefused) {
  EXPECT_TRUE(CheckApprover(5, 6).ok());
  auto same = CheckApprover(5, 5);
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, "plan.self_approval");
  EXPECT_EQ(same.error().kind, ErrorKind::kForbidden);
}

TEST(PlanLifecycle, StatusCodesRoundTrip) {
  for (State s : {State::kDraft, State::kSubmitted, State::kApproved, State::kPublished})
    EXPECT_EQ(ParseStatus(StatusCode(s)), s);
  EXPECT_EQ(ParseStatus("closed"), std::nullopt);
}

TEST(PlanDeadline, FlagsAPlanNotPublishedBy31March) {
  const std::optional<std::string> by = CqJoint().plan_publish_by;
  ASSERT_EQ(by, "03-31");
  Deadline on_time = CheckDeadline(2026, by, "", "2026-03-31");
  EXPECT_EQ(on_time.due, "2026-03-31");
  EXPECT_FALSE(on_time.overdue);
  EXPECT_TRUE(CheckDeadline(2026, by, "", "2026-04-01").overdue);
  Deadline late = CheckDeadline(2026, by, "2026-04-02T01:00:00.000Z", "2026-05-01");
  EXPECT_FALSE(late.overdue);
  EXPECT_TRUE(late.published_late);
  Deadline early = CheckDeadline(2026, by, "2026-03-10", "2026-05-01");
  EXPECT_FALSE(early.overdue);
  EXPECT_FALSE(early.published_late);
  // Without a date in the policy nothing is late.
  Deadline none = CheckDeadline(2026, std::nullopt, "", "2026-12-31");
  EXPECT_EQ(none.due, "");
  EXPECT_FALSE(none.overdue);
}

MergeRow Merge(int64_t plan_id, int64_t department_id, std::string domain, std::string scope,
               std::string start, std::string end) {
  return {.plan_id = plan_id,
          .plan_name = "计划" + std::to_string(plan_id),
          .year = 2026,
          .department_id = department_id,
          .department_name = "部门" + std::to_string(department_id),
          .item_id = plan_id * 10,
          .item_name = "事项",
          .domain = std::move(domain),
          .target_scope = std::move(scope),
          .start_date = std::move(start),
          .end_date = std::move(end)};
}

TEST(PlanMerge, SameDomainOverlappingWindowsOfTwoDepartments) {
  auto found = SuggestMerges({Merge(2, 20, "安全生产", "化工企业", "2026-05-01", "2026-07-31"),
                              Merge(1, 10, "安全生产", "加油站", "2026-04-01", "2026-05-15")});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first.plan_id, 1);
  EXPECT_EQ(found[0].second.plan_id, 2);
  EXPECT_EQ(found[0].reason,
            "同属抽查领域“安全生产”，抽查时间在 2026-05-01 至 2026-05-15 重叠："
            "部门10与部门20可开展联合抽查（进一次门、查多项事）");
}

TEST(PlanMerge, SameScopeIgnoringSpaces) {
  auto found = SuggestMerges({Merge(1, 10, "A", "全市 加油站", "2026-04-01", "2026-05-15"),
                              Merge(2, 20, "B", "全市加油站", "2026-05-15", "2026-06-01")});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].reason.find("抽查对象范围相同"), std::string::npos);
}

TEST(PlanMerge, NoSuggestionWithoutAllConditions) {
  // Same department.
  EXPECT_TRUE(SuggestMerges({Merge(1, 10, "A", "", "2026-04-01", "2026-05-15"),
                             Merge(2, 10, "A", "", "2026-04-01", "2026-05-15")})
                  .empty());
  // Windows apart.
  EXPECT_TRUE(SuggestMerges({Merge(1, 10, "A", "", "2026-04-01", "2026-05-15"),
                             Merge(2, 20, "A", "", "2026-05-16", "2026-06-15")})
                  .empty());
  // Different domain and scope; empty ones never match.
  EXPECT_TRUE(SuggestMerges({Merge(1, 10, "A", "", "2026-04-01", "2026-05-15"),
                             Merge(2, 20, "B", "", "2026-04-01", "2026-05-15")})
                  .empty());
  // Different years.
  MergeRow other_year = Merge(2, 20, "A", "", "2025-04-01", "2025-05-15");
  other_year.year = 2025;
  EXPECT_TRUE(
      SuggestMerges({Merge(1, 10, "A", "", "2026-04-01", "2026-05-15"), other_year}).empty());
}

}  // namespace
}  // namespace ssj::plan
