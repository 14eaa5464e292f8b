// Exports of the inspector directory and the expert library: the filter an export takes (the
// list route's query parameters) and a person as a row of the group's import columns, so that an
// exported file imports back unchanged.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "directory/export.h"
#include "inspectors/inspector_types.h"
#include "inspectors/inspectors.h"

namespace ssj::inspectors {

using directory::DepartmentLabel;
using directory::ExportParams;

// The query parameters GET /api/v1/inspectors reads (name, category, division, specialty,
// status, cert, department_id), with the same checks. `group` is the export's; `today`
// (YYYY-MM-DD, China) is what cert=valid|expired compares with.
Result<InspectorFilter> ExportFilter(const ExportParams& params, Group group,
                                     const std::string& today);
const std::vector<std::string>& ExportFilterKeys();

// A person as a row of InspectorColumns() (either group: they share the order): specialties
// joined with "、", 所属区县 as a name the import resolves to the same division, 所属部门 as
// `department` names it.
Row InspectorRow(const Inspector& person, const DepartmentLabel& department);

// 所属区县 for a division code: the county's name when no other county has it, else its full
// name ("重庆市江北区"), else the code itself.
std::string DistrictCell(const std::string& division_code);

}  // namespace ssj::inspectors
