// Importing targets from a file, in two phases: every row is checked first (streaming: only the
// problems and a 64-bit fingerprint per code are kept), then, when nothing is wrong or the user
// asked to skip bad rows, the rows are read again and written in one transaction with one audit
// entry for the whole import.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_types.h"
#include "common/error.h"
#include "db/database.h"
#include "directory/directory_types.h"
#include "importer/file_source.h"

namespace ssj::directory {

// Feeds every record of the file, header first, to `fn` with its 1-based line number. Called
// once per phase, so it must be able to start over.
using importer::RecordFn;
using importer::RecordSource;

struct ImportOptions {
  bool skip_invalid = false;     // commit the good rows even when some are bad
  bool update_existing = false;  // a code already in the directory updates it
  int64_t default_department = 0;
  audit::Actor actor;
  int64_t now_millis = 0;
  std::string file_name;
  // When set, a row's supervising department must pass it (the importing user's data scope).
  std::function<bool(int64_t department_id)> department_allowed;
  // Called every 10 000 rows and at the end of each phase: (phase 1 or 2, rows so far).
  std::function<void(int, int64_t)> progress;
};

struct RowProblem {
  size_t line = 0;
  std::string column;
  std::string value;
  std::string message;
  bool warning = false;
};

struct ImportReport {
  int64_t rows = 0;
  int64_t invalid_rows = 0;
  int64_t inserted = 0;
  int64_t updated = 0;
  bool committed = false;
  std::vector<RowProblem> problems;  // errors and warnings, by line
  int64_t problems_dropped = 0;      // beyond the report's limit
};

// Imports B.1 targets. The result is an error only for what stops the whole file (unreadable,
// a header without the appendix's columns); bad rows are in the report, and nothing is written
// when there are any unless `skip_invalid`.
Result<ImportReport> ImportEntities(soci::session& sql, db::Backend backend,
                                    const RecordSource& source, const ImportOptions& options);

}  // namespace ssj::directory
