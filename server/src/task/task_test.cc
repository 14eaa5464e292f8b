// Rules of tasks: ratios as the engine's fractions, strata by class with raise tags, the checks of
// a task (caps of general items, team size, strata), states, periods and when a record is public.
#include "task/task.h"

#include <gtest/gtest.h>

namespace ssj::task {
namespace {

ItemInfo GeneralItem(int64_t id, std::string cap) {
  ItemInfo item;
  item.id = id;
  item.version = 1;
  item.name = "重点用能单位节能监察";
  item.category = "一般";
  item.ratio_cap = std::move(cap);
  return item;
}

TaskInput Valid() {
  TaskInput in;
  in.name = "节能监察";
  in.department_id = 4;
  in.item_ids = {1};
  in.start_date = "2026-12-01";
  in.end_date = "2026-12-20";
  in.strata = {{"A", "2", 0}, {"B", "3", 0}, {"C", "4", 0}, {"D", "5%", 0}, {"U", "", 3}};
  return in;
}

policy::Rules CapRules() {
  policy::Rules rules;
  rules.general_item_ratio_cap = true;
  rules.min_inspectors = 2;
  return rules;
}

TEST(TaskRules, PercentBecomesTheEnginesFraction) {
  EXPECT_EQ(PercentToFraction("3"), "0.03");
  EXPECT_EQ(PercentToFraction("2.5"), "0.025");
  EXPECT_EQ(PercentToFraction("0.0001"), "0.000001");
  EXPECT_EQ(PercentToFraction("100"), "1");
  EXPECT_EQ(PercentToFraction("5%"), "0.05");
  EXPECT_FALSE(PercentToFraction("0"));
  EXPECT_FALSE(PercentToFraction("100.5"));
  EXPECT_FALSE(PercentToFraction("0.00001"));
  EXPECT_FALSE(PercentToFraction("3."));
  EXPECT_FALSE(PercentToFraction("abc"));
}

TEST(TaskRules, StrataByClassAndRaiseTags) {
  const std::vector<StratumRule> by_class = Valid().strata;
  const std::vector<std::string> raise = {"投诉举报多"};
  EXPECT_EQ(StratumOf(by_class, "A", {}, raise), "A");
  EXPECT_EQ(StratumOf(by_class, "A", {"投诉举报多"}, raise), "B");
  EXPECT_EQ(StratumOf(by_class, "C", {"经营异常名录", "投诉举报多"}, raise), "D");
  EXPECT_EQ(StratumOf(by_class, "D", {"投诉举报多"}, raise), "D");  // no class above D
  EXPECT_EQ(StratumOf(by_class, "", {"投诉举报多"}, raise), "U");   // unclassified stays so
  EXPECT_EQ(StratumOf({{"ALL", "3", 0}}, "C", {"投诉举报多"}, raise), "ALL");
}

TEST(TaskRules, AValidTaskIsNormalised) {
  TaskInput in = Valid();
  ASSERT_TRUE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
  EXPECT_EQ(in.strata[3].ratio, "5");
}

TEST(TaskRules, ARatioAboveAGeneralItemsCapIsRefusedNamingTheStratum) {
  TaskInput in = Valid();
  in.strata[2].ratio = "6";
  auto status = CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().details.at("field").as_string(), "strata[2].ratio");
  EXPECT_NE(status.error().message.find("比例上限 5%"), std::string::npos)
      << status.error().message;
  // Without the policy's cap rule the same ratio passes.
  in = Valid();
  in.strata[2].ratio = "6";
  EXPECT_TRUE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, policy::Rules{}).ok());
}

TEST(TaskRules, TeamsHaveAtLeastThePolicysMinimumAndOneMemberPerDepartment) {
  TaskInput in = Valid();
  in.team_size = 1;
  EXPECT_FALSE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
  in.team_size = 2;
  in.participants = {{5, ""}, {6, ""}};
  auto status = CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().details.at("field").as_string(), "team_size");
  in.team_size = 3;
  EXPECT_TRUE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
  in.participants = {{4, ""}};  // the initiating department again
  EXPECT_FALSE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
}

TEST(TaskRules, StrataAreClassesOrOneWholePool) {
  TaskInput in = Valid();
  in.strata = {{"ALL", "3", 0}, {"A", "3", 0}};
  EXPECT_FALSE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
  in.strata = {{"A", "3", 2}};  // both a ratio and a count
  EXPECT_FALSE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
  in.strata = {{"E", "3", 0}};
  EXPECT_FALSE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
  in.strata = {{"A", "3", 0}, {"A", "4", 0}};
  EXPECT_FALSE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
}

TEST(TaskRules, ItemsMustBePublishedAndWindowsReal) {
  TaskInput in = Valid();
  ItemInfo draft = GeneralItem(1, "0.05");
  draft.version = 0;
  EXPECT_FALSE(CheckTask(in, {draft}, {}, CapRules()).ok());
  in.end_date = "2026-11-30";
  auto status = CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().details.at("field").as_string(), "end_date");
  in = Valid();
  in.end_date = "2027-01-10";
  EXPECT_FALSE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
  in = Valid();
  in.scope.status = "注销";
  EXPECT_FALSE(CheckTask(in, {GeneralItem(1, "0.05")}, {}, CapRules()).ok());
}

TEST(TaskRules, StatesRefuseStepsOutOfOrderWithTheirOwnCodes) {
  EXPECT_EQ(Transition(State::kDraft, Action::kCommit).value(), State::kCommitted);
  EXPECT_EQ(Transition(State::kCommitted, Action::kDraw).value(), State::kDrawn);
  EXPECT_EQ(Transition(State::kDrawn, Action::kConfirm).value(), State::kConfirmed);
  EXPECT_EQ(Transition(State::kDraft, Action::kDraw).error().code, "task.no_commitment");
  EXPECT_EQ(Transition(State::kConfirmed, Action::kConfirm).error().code, "task.already_confirmed");
  EXPECT_EQ(Transition(State::kCommitted, Action::kEdit).error().code, "task.bad_state");
  EXPECT_EQ(Transition(State::kVoid, Action::kDraw).error().kind, ErrorKind::kConflict);
}

TEST(TaskRules, OtherOfficePeriodIsTheQuarterOrTheTaskPeriod) {
  policy::Rules rules;
  EXPECT_FALSE(OtherOfficePeriod(rules, "2026-05-10", "2026-06-10"));
  rules.cross_office_exclusion = "quarter";
  auto q = OtherOfficePeriod(rules, "2026-05-10", "2026-06-10");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->first, "2026-04-01");
  EXPECT_EQ(q->second, "2026-06-30");
  EXPECT_EQ(OtherOfficePeriod(rules, "2026-12-31", "2026-12-31")->first, "2026-10-01");
  rules.cross_office_exclusion = "task_period";
  EXPECT_EQ(OtherOfficePeriod(rules, "2026-05-10", "2026-06-10")->second, "2026-06-10");
}

TEST(TaskRules, RecordIsPublicFromTheWindowOrAfterItWithoutNotice) {
  Task task;
  task.start_date = "2026-12-01";
  task.end_date = "2026-12-20";
  task.notify = true;
  EXPECT_FALSE(RecordPublic(task, "2026-12-05"));  // not drawn yet
  task.drawn_at = "2026-11-25T02:00:00.000Z";
  EXPECT_FALSE(RecordPublic(task, "2026-11-30"));
  EXPECT_TRUE(RecordPublic(task, "2026-12-01"));
  task.notify = false;  // an item forbids advance notice: firms must not be warned
  EXPECT_EQ(RecordPublicFrom(task), "2026-12-21");
  EXPECT_FALSE(RecordPublic(task, "2026-12-20"));
  EXPECT_TRUE(RecordPublic(task, "2026-12-21"));
}

}  // namespace
}  // namespace ssj::task
