// The demo on both backends: a published plan and tasks in three states with inspection records,
// the committed task's secret matching its published commitment, and a second run changing nothing.
#include "demo/demo.h"

#include <gtest/gtest.h>

#include "db/database.h"
#include "draw/draw.h"
#include "draw/encoding.h"
#include "testing/test_db.h"

namespace ssj::demo {
namespace {

class DemoTest : public testing::DbTest {};

TEST_P(DemoTest, APublishedPlanAndTasksInThreeStates) {
  auto report = demo::Run(services(), 2000);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->plans, 1);
  EXPECT_EQ(report->tasks, 3);
  db::Lease sql = database().Acquire();
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM plans WHERE status = 'published'").ScalarInt(*sql), 1);
  for (const char* status : {"inspecting", "committed", "draft"}) {
    EXPECT_EQ(
        db::Query("SELECT COUNT(*) FROM tasks WHERE status = :s").Bind("s", status).ScalarInt(*sql),
        1)
        << status;
  }
  draw::Digest secret{};
  ASSERT_TRUE(draw::ParseHex32(report->pending_secret, &secret));
  std::string commitment;
  db::Query("SELECT commitment FROM tasks WHERE code = :c")
      .Bind("c", report->pending_task)
      .ForEach(*sql, [&](const soci::row& row) { commitment = db::RowText(row, 0); });
  EXPECT_EQ(commitment, draw::Hex(draw::Commitment(secret)));
  EXPECT_GT(db::Query("SELECT COUNT(*) FROM task_targets").ScalarInt(*sql), 0);
  // Every drawn target has its record; one in each state of the review, the rest to be filled.
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM inspections").ScalarInt(*sql),
            db::Query("SELECT COUNT(*) FROM task_targets").ScalarInt(*sql));
  for (const char* status : {"reviewed", "returned"}) {
    EXPECT_EQ(db::Query("SELECT COUNT(*) FROM inspections WHERE status = :s")
                  .Bind("s", status)
                  .ScalarInt(*sql),
              1)
        << status;
  }
  EXPECT_EQ(
      db::Query("SELECT COUNT(*) FROM inspections WHERE status = 'submitted'").ScalarInt(*sql), 2);
  EXPECT_EQ(report->records, 8);
  EXPECT_EQ(
      db::Query("SELECT COUNT(*) FROM inspections WHERE status = 'published'").ScalarInt(*sql), 4);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM results").ScalarInt(*sql), 5);  // one corrected
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM objections").ScalarInt(*sql), 1);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM inspections WHERE archived_at <> '' AND "
                      "LENGTH(archive_sha256) = 64")
                .ScalarInt(*sql),
            1);
  EXPECT_EQ(
      db::Query("SELECT COUNT(*) FROM result_corrections WHERE status = 'pending'").ScalarInt(*sql),
      1);

  auto again = demo::Run(services(), 2000);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_present);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM tasks").ScalarInt(*sql), 3);
}

SSJ_BOTH_BACKENDS(DemoTest);

}  // namespace
}  // namespace ssj::demo
