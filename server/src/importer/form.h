// The API's create and edit forms share the import's row checks: a JSON body becomes a Row in
// the kind's column order, and a failed check becomes one 400 error naming every bad field.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "importer/import_engine.h"

namespace ssj::importer {

// A form names a related record (a department, an inspector, a target) by its id; in the row the
// id is written "#id", which the kinds' look-ups read back, where a file has a code or a name.
std::string IdRef(int64_t id);
// The id of "#id"; nullopt for anything else (a code or a name).
std::optional<int64_t> ParseIdRef(std::string_view key);

// The fields `names` (API names, in column order) of a JSON object as a Row: strings as they
// are, an integer in one of `id_fields` as IdRef, arrays of strings joined with 、. Other types
// are an error naming the field.
Result<Row> RowFromJson(const boost::json::value& body, const std::vector<std::string>& names,
                        const std::vector<std::string>& id_fields = {"department"});

// A failed check as one 400 error: the first problem as the message and details.field, every
// error in details.problems as { field, column, value, message } (field: the API name, so the
// form can mark each input).
Error ProblemsError(const std::vector<CellProblem>& problems, const std::vector<Column>& columns,
                    const std::vector<std::string>& names);

}  // namespace ssj::importer
