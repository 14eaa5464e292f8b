// Importing targets of each kind (B.1–B.3): the target directory's ImportKind on the shared
// two-phase engine (importer/import_engine.h).
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>

#include "common/error.h"
#include "db/database.h"
#include "directory/directory.h"
#include "importer/file_source.h"
#include "importer/import_engine.h"

namespace ssj::directory {

using importer::ImportReport;
using importer::RecordFn;
using importer::RecordSource;
using importer::RowProblem;

struct ImportOptions : importer::ImportOptions {
  TargetKind kind = TargetKind::kEntity;
  std::string today;  // YYYY-MM-DD: licences that expired before it are flagged
  // Supervises the targets whose row names no department (the importing user's department).
  int64_t default_department = 0;
  // When set, a row's supervising department must pass it (the importing user's data scope).
  std::function<bool(int64_t department_id)> department_allowed;
};

// Imports targets of options.kind; see importer::RunImport for what is an error and what a
// report.
Result<ImportReport> ImportTargets(soci::session& sql, db::Backend backend,
                                   const RecordSource& source, const ImportOptions& options);
// B.1, for the tests that predate places and products.
Result<ImportReport> ImportEntities(soci::session& sql, db::Backend backend,
                                    const RecordSource& source, const ImportOptions& options);

}  // namespace ssj::directory
