// Online backup of a SQLite database with SQLite's backup API: a consistent copy while the
// server keeps writing. (PostgreSQL is backed up with pg_dump; see `ssj backup`.)
#pragma once

#include <string>

#include "common/error.h"

namespace ssj::db {

struct BackupReport {
  int64_t bytes = 0;
  int64_t pages = 0;
};

// Copies `source_path` to `out_path` (which must not exist) and checks the copy's integrity.
Result<BackupReport> BackupSqlite(const std::string& source_path, const std::string& out_path);

}  // namespace ssj::db
