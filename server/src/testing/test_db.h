// The fixture that runs every repo test on both backends. SQLite gets a fresh file per test;
// PostgreSQL (when SSJ_TEST_PG_URL is set, as scripts/test does) gets a fresh schema per test,
// dropped afterwards. Without SSJ_TEST_PG_URL the PostgreSQL variants are skipped, visibly.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/clock.h"
#include "common/services.h"
#include "db/database.h"
#include "org/org_types.h"

namespace ssj::testing {

class DbTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  db::Database& database() { return *db_; }
  Services& services() { return services_; }
  FakeClock& clock() { return clock_; }
  // A principal with every permission and scope "all", for setting up data.
  org::Principal Root();

  std::unique_ptr<db::Database> db_;
  FakeClock clock_{1795000000000};  // 2026-11-18
  Services services_;

 private:
  std::string sqlite_path_;
  std::string pg_schema_;
};

// Instantiates a DbTest-derived suite for both backends.
#define SSJ_BOTH_BACKENDS(Suite)                                                       \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values("sqlite", "postgresql"), \
                           [](const auto& info) { return info.param; })

}  // namespace ssj::testing
