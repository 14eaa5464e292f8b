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

// The kind a form is for: its "kind" field (entity, place or product; entity when absent).
Result<TargetKind> KindOf(const boost::json::value& body);

// Create and edit from a form: a JSON object of the kind's fields (TargetFieldNames), checked
// like an imported row; errors name the field. `today` flags expired licences.
Result<Target> CreateTarget(soci::session& sql, const org::Principal& who,
                            const boost::json::value& body, const std::string& now,
                            const std::string& today);
Result<Change<Target>> UpdateTarget(soci::session& sql, const org::Principal& who, int64_t id,
                                    const boost::json::value& body, const std::string& now,
                                    const std::string& today);

boost::json::value ToJson(const Target& target);
// A list row: the target without the personal data a list has no need for (a place's
// responsible person's ID number keeps only its first 6 and last 4 characters).
boost::json::value ListJson(const Target& target);
boost::json::value ToJson(const HistoryEntry& entry);
// The dictionaries a form needs: natures, statuses, classes, tags, industry sections.
boost::json::value OptionsJson();

}  // namespace ssj::directory
