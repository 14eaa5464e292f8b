// The policy's SQL on both backends: a fresh deployment follows 重庆市部门联合抽查, a saved
// choice and its adjustments are what Current() reads, an unchanged adjustment keeps who set it
// and when, and stored rows a later release cannot use fall back instead of failing.
#include "policy/policy_repo.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "db/database.h"
#include "testing/test_db.h"

namespace ssj::policy {
namespace {

namespace json = boost::json;
using PolicyRepoTest = testing::DbTest;

Change Checked(std::string profile, json::object overrides, std::string reason) {
  ChangeInput in;
  in.profile_id = std::move(profile);
  for (const auto& [key, value] : overrides) in.overrides.emplace_back(std::string(key), value);
  in.reason = std::move(reason);
  auto out = CheckChange(in);
  EXPECT_TRUE(out.ok()) << out.error().message;
  return out.ok() ? out.value() : Change{};
}

TEST_P(PolicyRepoTest, AFreshDeploymentFollowsTheJointInspectionProfile) {
  db::Lease sql = database().Acquire();
  const Policy policy = Current(*sql);
  EXPECT_FALSE(policy.configured);
  EXPECT_EQ(policy.id(), "cq-joint");
  EXPECT_EQ(policy.base.name, "重庆市部门联合抽查");
  EXPECT_EQ(policy.rules, DefaultProfile().rules);
  EXPECT_TRUE(policy.overrides.empty());
  EXPECT_EQ(policy.rules.publish_days, 20);
  EXPECT_EQ(policy.rules.min_inspectors, 2);
}

TEST_P(PolicyRepoTest, AChoiceAndItsAdjustmentsAreWhatCurrentReads) {
  db::Lease sql = database().Acquire();
  repo::Save(*sql, Checked("zibo-gxj", {{"yearly_cap", 1}}, "市局通知"), 0,
             "2026-11-18T00:00:00.000Z");
  Policy policy = Current(*sql);
  EXPECT_TRUE(policy.configured);
  EXPECT_EQ(policy.id(), "zibo-gxj");
  EXPECT_EQ(policy.reason, "市局通知");
  EXPECT_EQ(policy.changed_at, "2026-11-18T00:00:00.000Z");
  EXPECT_EQ(policy.rules.yearly_cap, 1);
  EXPECT_EQ(policy.base.rules.yearly_cap, 2);  // the profile as shipped is kept beside
  EXPECT_EQ(policy.rules.objection_window_days, 60);
  ASSERT_EQ(policy.overrides.size(), 1u);
  EXPECT_EQ(policy.overrides[0].key, "yearly_cap");
  EXPECT_EQ(policy.overrides[0].value, Value{int64_t{1}});
  EXPECT_EQ(policy.overrides[0].reason, "市局通知");
  EXPECT_EQ(policy.overrides[0].changed_at, "2026-11-18T00:00:00.000Z");

  // Saved again with one more adjustment: the unchanged one keeps its reason and time.
  repo::Save(
      *sql,
      Checked("zibo-gxj", {{"yearly_cap", 1}, {"exempt_exceptions", json::array{"安全生产"}}},
              "局务会决定"),
      0, "2026-11-19T00:00:00.000Z");
  policy = Current(*sql);
  ASSERT_EQ(policy.overrides.size(), 2u);
  EXPECT_EQ(policy.overrides[0].key, "yearly_cap");
  EXPECT_EQ(policy.overrides[0].reason, "市局通知");
  EXPECT_EQ(policy.overrides[0].changed_at, "2026-11-18T00:00:00.000Z");
  EXPECT_EQ(policy.overrides[1].key, "exempt_exceptions");
  EXPECT_EQ(policy.overrides[1].value, Value{std::vector<std::string>{"安全生产"}});
  EXPECT_EQ(policy.overrides[1].changed_at, "2026-11-19T00:00:00.000Z");
  EXPECT_EQ(policy.reason, "局务会决定");

  // Another profile without adjustments replaces them all.
  repo::Save(*sql, Checked("miit", {}, "改为执行工信部办法"), 0, "2026-11-20T00:00:00.000Z");
  policy = Current(*sql);
  EXPECT_EQ(policy.id(), "miit");
  EXPECT_TRUE(policy.overrides.empty());
  EXPECT_EQ(policy.rules, FindProfile("miit")->rules);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM policy_overrides").ScalarInt(*sql), 0);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM policy_choice").ScalarInt(*sql), 1);
}

TEST_P(PolicyRepoTest, StoredRowsALaterReleaseCannotUseFallBackInsteadOfFailing) {
  db::Lease sql = database().Acquire();
  repo::Save(*sql, Checked("miit", {{"publish_days", 25}, {"yearly_cap", 2}}, "试行"), 0,
             "2026-11-18T00:00:00.000Z");
  // An adjustment of a setting that no longer exists, and one whose value no longer checks.
  db::Query(
      "INSERT INTO policy_overrides (setting, value_json, reason, changed_by, changed_at) VALUES "
      "('speed_limit', '3', '', 0, '2026-11-18T00:00:00.000Z')")
      .Exec(*sql);
  db::Query("UPDATE policy_overrides SET value_json = '0' WHERE setting = 'yearly_cap'").Exec(*sql);
  Policy policy = Current(*sql);
  EXPECT_EQ(policy.id(), "miit");
  ASSERT_EQ(policy.overrides.size(), 1u);
  EXPECT_EQ(policy.overrides[0].key, "publish_days");
  EXPECT_EQ(policy.rules.publish_days, 25);
  EXPECT_EQ(policy.rules.yearly_cap, 1);  // as shipped

  // A profile no longer shipped: the default one, without the adjustments made for the other.
  db::Query("UPDATE policy_choice SET profile_id = 'retired' WHERE id = 1").Exec(*sql);
  policy = Current(*sql);
  EXPECT_TRUE(policy.configured);
  EXPECT_EQ(policy.id(), "cq-joint");
  EXPECT_TRUE(policy.overrides.empty());
  EXPECT_EQ(policy.rules, DefaultProfile().rules);
}

SSJ_BOTH_BACKENDS(PolicyRepoTest);

}  // namespace
}  // namespace ssj::policy
