// Use cases of conflicts and exemptions behind the API and the CLI: record, declare (an
// inspector about themself), revoke, import. Exports go through exporter/ (restrictions/export.h).
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <functional>
#include <string>

#include "common/error.h"
#include "db/database.h"
#include "importer/import_engine.h"
#include "importer/template.h"
#include "org/org_types.h"
#include "restrictions/restriction_types.h"

namespace ssj::restrictions {

enum class Kind { kConflicts, kExemptions };

struct Context {
  soci::session& sql;
  const org::Principal* who;  // null: no data scope (the CLI)
  std::string now;
  std::string today;
};

Result<Conflict> RecordConflict(const Context& c, const boost::json::value& body);
// An inspector declares a conflict about themself (自行申报): the caller must be linked to an
// inspector record.
Result<Conflict> DeclareConflict(const Context& c, const boost::json::value& body);
Result<Exemption> RecordExemption(const Context& c, const boost::json::value& body);
// Revokes a record in the caller's scope; `body.reason` is required. Returns the record before.
Result<boost::json::value> Revoke(const Context& c, Kind kind, int64_t id,
                                  const boost::json::value& body);

struct ImportOptions : importer::ImportOptions {
  Kind kind = Kind::kConflicts;
  std::string today;
  std::function<bool(int64_t department_id)> department_allowed;
};
Result<importer::ImportReport> ImportRestrictions(soci::session& sql, db::Backend backend,
                                                  const importer::RecordSource& source,
                                                  const ImportOptions& options);

importer::TemplateSpec RestrictionTemplate(Kind kind);

boost::json::value ToJson(const Conflict& conflict, const std::string& today);
boost::json::value ToJson(const Exemption& exemption, const std::string& today);

}  // namespace ssj::restrictions
