// Exports of the target directory: the filter an export takes (the list route's query
// parameters) and a target as a row of its import columns, so that an exported file imports
// back unchanged. Pure: departments are named through what the caller passes in.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "common/error.h"
#include "directory/directory.h"
#include "directory/directory_types.h"

namespace ssj::directory {

// An export's filter: query parameters of the kind's list route, by name.
using ExportParams = std::map<std::string, std::string, std::less<>>;
// How an export names a department in a 部门 column (its name, or its code where the name is
// shared, so that the import finds the same one).
using DepartmentLabel = std::function<std::string(int64_t department_id)>;

// The parameter, or "" when absent.
std::string Param(const ExportParams& params, std::string_view name);
// An optional positive integer parameter (an id filter): 0 when absent, an error naming it when
// it is not an integer.
Result<int64_t> IdParam(const ExportParams& params, std::string_view name);

// The query parameters GET /api/v1/targets reads (name, code, division, industry_section,
// industry_division, status, credit_class, tag, department_id), with the same checks. `kind`
// (entity, place, product) is the export's, not the caller's.
Result<TargetFilter> ExportFilter(const ExportParams& params, const std::string& kind);
const std::vector<std::string>& ExportFilterKeys();

// A target as a row of its kind's columns (ToRow), with 监管部门 as `department` names it.
Row TargetRow(const Target& target, const DepartmentLabel& department);

}  // namespace ssj::directory
