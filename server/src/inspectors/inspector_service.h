// Use cases of the inspector directory behind the API and the CLI: create, edit, import, read.
// Each checks the caller's data scope through the person's department.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>

#include "common/error.h"
#include "db/database.h"
#include "directory/directory_types.h"
#include "importer/import_engine.h"
#include "importer/template.h"
#include "inspectors/inspector_types.h"
#include "org/org_types.h"

namespace ssj::inspectors {

struct Change {
  Inspector before;
  Inspector after;
};

// `today` is YYYY-MM-DD in Asia/Shanghai (certificate validity).
Result<Inspector> CreateInspector(soci::session& sql, const org::Principal& who,
                                  const boost::json::value& body, const std::string& now,
                                  const std::string& today);
Result<Change> UpdateInspector(soci::session& sql, const org::Principal& who, int64_t id,
                               const boost::json::value& body, const std::string& now,
                               const std::string& today);

// Links the person's login account (`{"user_id": n}`) or unlinks it (`{"user_id": null}`). The
// account must be an active one of the person's own department; an account linked elsewhere
// moves here, and `moved_from` names the person it left.
struct AccountChange : Change {
  std::optional<Inspector> moved_from;
};
Result<AccountChange> LinkAccount(soci::session& sql, const org::Principal& who, int64_t id,
                                  const boost::json::value& body);
// The accounts `LinkAccount` accepts for person `id` (in the caller's scope).
Result<std::vector<Account>> AccountOptions(soci::session& sql, const org::Principal& who,
                                            int64_t id);

struct ImportOptions : importer::ImportOptions {
  Group group = Group::kInspectors;
  std::string today;
  // When set, a row's department must pass it (the importing user's data scope).
  std::function<bool(int64_t department_id)> department_allowed;
};
Result<importer::ImportReport> ImportInspectors(soci::session& sql, db::Backend backend,
                                                const importer::RecordSource& source,
                                                const ImportOptions& options);

// The import template of a group, with the specialty dictionary as a dropdown source.
importer::TemplateSpec InspectorTemplate(soci::session& sql, Group group);

boost::json::value ToJson(const Inspector& inspector, const std::string& today);
boost::json::value ToJson(const PublicInspector& inspector);
// The dictionaries a form needs: categories, genders, statuses, specialties.
boost::json::value OptionsJson(soci::session& sql);

}  // namespace ssj::inspectors
