// Use cases of the target directory behind the API: create, edit, read with history. Each
// checks the caller's data scope through the supervising department.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>

#include "common/error.h"
#include "directory/directory.h"
#include "directory/directory_types.h"
#include "org/org_types.h"

namespace ssj::directory {

template <class T>
struct Change {
  std::optional<T> before;
  T after;
};

// The form's fields by their API names, in EntityColumns() order.
const std::vector<std::string>& EntityFieldNames();
// A JSON object of those fields as a Row; non-string values are an error naming the field.
Result<Row> RowFromJson(const boost::json::value& body);

Result<Target> CreateEntity(soci::session& sql, const org::Principal& who, const Row& row,
                            const std::string& now);
Result<Change<Target>> UpdateEntity(soci::session& sql, const org::Principal& who, int64_t id,
                                    const Row& row, const std::string& now);

boost::json::value ToJson(const Target& target);
boost::json::value ToJson(const HistoryEntry& entry);
// The dictionaries a form needs: natures, statuses, classes, tags, industry sections.
boost::json::value OptionsJson();

}  // namespace ssj::directory
