// Exports of the item list: the filter an export takes (the list route's query parameters) and
// an item as a row of its import columns, so that an exported file imports back unchanged.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/catalog_types.h"
#include "common/error.h"
#include "directory/export.h"

namespace ssj::catalog {

using directory::DepartmentLabel;
using directory::ExportParams;

// The query parameters GET /api/v1/items reads (q, domain, category, status, department_id),
// with the same checks.
Result<ItemFilter> ExportFilter(const ExportParams& params);
const std::vector<std::string>& ExportFilterKeys();

// An item's newest version as a row of ItemColumns(): lists joined with "、", the ratio cap as a
// percentage, the target type and flags in words, departments as `department` names them.
Row ItemRow(const Item& item, const DepartmentLabel& department);

}  // namespace ssj::catalog
