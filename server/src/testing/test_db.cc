#include "testing/test_db.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "db/migrate.h"
#include "org/admin.h"
#include "org/org_repo.h"
#include "org/permissions.h"

namespace ssj::testing {
namespace {
std::atomic<int> counter{0};
}

void DbTest::SetUp() {
  std::string suffix = std::to_string(getpid()) + "_" + std::to_string(counter++);
  db::DbUrl url;
  if (GetParam() == "sqlite") {
    sqlite_path_ =
        (std::filesystem::temp_directory_path() / ("ssj_test_" + suffix + ".db")).string();
    url = db::ParseDbUrl("sqlite:" + sqlite_path_).value();
  } else {
    const char* pg = std::getenv("SSJ_TEST_PG_URL");
    if (!pg || !*pg) {
      // scripts/test sets SSJ_REQUIRE_PG so that a missing cluster fails instead of skipping.
      if (std::getenv("SSJ_REQUIRE_PG"))
        FAIL() << "SSJ_REQUIRE_PG is set but SSJ_TEST_PG_URL is not";
      GTEST_SKIP() << "SSJ_TEST_PG_URL is not set; scripts/test sets it";
    }
    url = db::ParseDbUrl(pg).value();
    pg_schema_ = "t_" + suffix;
    auto admin = db::Database::Open(url, 1);
    ASSERT_TRUE(admin.ok()) << admin.error().message;
    *admin.value()->Acquire() << "CREATE SCHEMA " + pg_schema_;
    url.pg_schema = pg_schema_;
  }
  auto opened = db::Database::Open(url, 4);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  db_ = std::move(opened).value();
  auto migrated = db::MigrateUp(*db_);
  ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  services_.db = db_.get();
  services_.clock = &clock_;
  db::Lease sql = db_->Acquire();
  org::SyncAdminRole(*sql, FormatIsoMillis(clock_.NowMillis()));
}

void DbTest::TearDown() {
  db_.reset();
  if (!sqlite_path_.empty()) {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path_ + ext);
  }
  if (!pg_schema_.empty()) {
    auto admin = db::Database::Open(db::ParseDbUrl(std::getenv("SSJ_TEST_PG_URL")).value(), 1);
    if (admin.ok()) *admin.value()->Acquire() << "DROP SCHEMA " + pg_schema_ + " CASCADE";
  }
}

org::Principal DbTest::Root() {
  org::Principal p;
  p.user_id = 0;
  p.username = "root";
  p.scope = org::DataScope::kAll;
  p.department_path = "/";
  for (const auto& permission : org::AllPermissions()) p.permissions.insert(permission);
  return p;
}

}  // namespace ssj::testing
