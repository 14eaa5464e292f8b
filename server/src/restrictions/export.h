// Exports of conflicts and exemptions: the filter an export takes (the list routes' query
// parameters) and a record as a row of its import columns, so that an exported file imports
// back unchanged. The import columns have no 状态, so an export holds the records in force
// (status 有效) unless the filter asks for 已撤销 ones: a revoked record in a file would read as
// one in force, and importing it would register it anew.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "directory/export.h"
#include "restrictions/restriction_types.h"
#include "restrictions/restrictions.h"

namespace ssj::restrictions {

using directory::ExportParams;

// The query parameters GET /api/v1/conflicts and /api/v1/exemptions read (q, status, current,
// inspector_id, target_id), with their checks; the list routes read theirs through this.
// `today` (YYYY-MM-DD, China) is what current=true compares with.
Result<Filter> ReadFilter(const ExportParams& params, const std::string& today);
// The same for an export: without a status, the records in force (有效).
Result<Filter> ExportFilter(const ExportParams& params, const std::string& today);
const std::vector<std::string>& ConflictFilterKeys();
const std::vector<std::string>& ExemptionFilterKeys();

// A record as a row of ConflictColumns() / ExemptionColumns().
Row ConflictRow(const Conflict& conflict);
Row ExemptionRow(const Exemption& exemption);

}  // namespace ssj::restrictions
