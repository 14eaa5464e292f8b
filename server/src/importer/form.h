// The API's create and edit forms share the import's row checks: a JSON body becomes a Row in
// the kind's column order, and a failed check becomes one 400 error naming every bad field.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "importer/import_engine.h"

namespace ssj::importer {

// The fields `names` (API names, in column order) of a JSON object as a Row: strings as they
// are, an integer `department` as "#id", arrays of strings joined with 、. Other types are an
// error naming the field.
Result<Row> RowFromJson(const boost::json::value& body, const std::vector<std::string>& names);

// A failed check as one 400 error: the first problem as the message and details.field, every
// error in details.problems as { field, column, value, message } (field: the API name, so the
// form can mark each input).
Error ProblemsError(const std::vector<CellProblem>& problems, const std::vector<Column>& columns,
                    const std::vector<std::string>& names);

}  // namespace ssj::importer
