// Use cases of the item list behind the API: create and edit (drafts), publish, retire, import,
// read. Each checks the caller's data scope through the item's initiating department.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <functional>
#include <string>

#include "catalog/catalog_types.h"
#include "common/error.h"
#include "db/database.h"
#include "importer/import_engine.h"
#include "importer/template.h"
#include "org/org_types.h"

namespace ssj::catalog {

struct Change {
  Item before;
  Item after;
};

// A new item, as a draft (version 1). Without a code, one is generated from the initiating
// department's code. A taken code, or a second item of the same name and sub-item in one
// department, is a 409.
Result<Item> CreateItem(soci::session& sql, const org::Principal& who,
                        const boost::json::value& body, const std::string& now);
// An edit: changes the draft when the newest version is one, else starts the next version as a
// draft; the public version stays until that is published. An edit that changes nothing
// changes nothing.
Result<Change> UpdateItem(soci::session& sql, const org::Principal& who, int64_t id,
                          const boost::json::value& body, const std::string& now);
// Makes the newest version the public one. 400 naming every field publication still needs;
// 409 when nothing is waiting to be published. A retired item without a new draft is published
// again as a new version with the same content (action "restore").
Result<Change> PublishItem(soci::session& sql, const org::Principal& who, int64_t id,
                           const std::string& now);
// Takes a published item off the portal (409 unless it is 已发布). `reason` is kept with the
// version.
Result<Change> RetireItem(soci::session& sql, const org::Principal& who, int64_t id,
                          const std::string& reason, const std::string& now);

struct ImportOptions : importer::ImportOptions {
  // When set, a row's initiating department must pass it (the importing user's data scope).
  std::function<bool(int64_t department_id)> department_allowed;
};
// Imports an item list (appendix A.1's columns and ssj's). A row is keyed by its initiating
// department, name and sub-item; new items are drafts, and an update of a published item is a
// new draft version.
Result<importer::ImportReport> ImportItems(soci::session& sql, db::Backend backend,
                                           const importer::RecordSource& source,
                                           const ImportOptions& options);

// The import template, with the dictionaries as dropdowns.
importer::TemplateSpec ItemTemplate(soci::session& sql);

boost::json::value ToJson(const Item& item);
boost::json::value ToJson(const ItemVersion& version);
boost::json::value ToJson(const PublicItem& item);
// The dictionaries a form needs: categories, methods, target types, natures, exemptions,
// statuses, publication suggestions, specialties and the domains in use.
boost::json::value OptionsJson(soci::session& sql);

}  // namespace ssj::catalog
