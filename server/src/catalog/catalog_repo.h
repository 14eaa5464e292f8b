// SQL of the item list. Lists and reads apply the caller's data scope through the initiating
// department. Writes keep every version in catalog_item_versions; publishing copies the newest
// version into catalog_public, which is all the portal reads.
#pragma once

#include <soci/soci.h>

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/catalog_types.h"
#include "db/database.h"
#include "org/org_types.h"

namespace ssj::catalog::repo {

using db::Page;

struct ItemKey {
  int64_t id = 0;
  int64_t department_id = 0;
  std::string code;
};
std::optional<ItemKey> FindByCode(soci::session& sql, const std::string& code);
// The item of a department with this name and sub-item (unique together).
std::optional<ItemKey> FindByName(soci::session& sql, int64_t department_id,
                                  const std::string& name, const std::string& sub_item);

// The next free code "<prefix>-NNN" (three digits at least) after the highest one stored,
// skipping `reserved` (codes a file is about to use).
std::string NextCode(soci::session& sql, const std::string& prefix,
                     const std::set<std::string>& reserved);

// Inserts an item as a draft, version 1; returns its id. `input.code` must be set and free.
int64_t Insert(soci::session& sql, const ItemInput& input, std::optional<int64_t> by,
               const std::string& now, const std::string& action);
// Replaces the newest version's fields with `input`: in place when that version is not yet
// published, else as the next version, a draft. The status and the public copy do not change.
void Update(soci::session& sql, int64_t id, const ItemInput& input, std::optional<int64_t> by,
            const std::string& now, const std::string& action);
// Makes the newest version the public one: the version published before is 已替代 from now on.
void Publish(soci::session& sql, int64_t id, std::optional<int64_t> by, const std::string& now);
// Takes a published item off the portal; its published version becomes 已停用.
void Retire(soci::session& sql, int64_t id, std::optional<int64_t> by, const std::string& now,
            const std::string& reason);

Page<Item> List(soci::session& sql, const org::Principal* who, const ItemFilter& filter);
// Every item the filter matches (ignoring its page), in id order, a batch at a time, with its
// cooperating departments: for exports of any size.
void ForEach(soci::session& sql, const org::Principal* who, const ItemFilter& filter,
             const std::function<void(const Item&)>& fn);
// nullopt when the item does not exist or is outside the caller's scope (nullptr: no scope).
std::optional<Item> Get(soci::session& sql, const org::Principal* who, int64_t id);
// Every version, newest first.
std::vector<ItemVersion> Versions(soci::session& sql, int64_t id);

// The published items for the portal. `q` matches the name, the sub-item or the code; `domain`
// is exact; `department` is a substring of the initiating or a cooperating department's name.
Page<PublicItem> ListPublic(soci::session& sql, const std::string& q, const std::string& domain,
                            const std::string& department, int64_t page, int64_t page_size);

// The distinct 抽查领域 of all items, or of the published ones only.
std::vector<std::string> Domains(soci::session& sql, bool published_only);
// The specialty dictionary (migration 0004), in its order.
std::vector<std::string> Specialties(soci::session& sql);

// An item as later modules (plans, tasks) read it: the fields of its published version, or the
// draft's name when it was never published (published_version 0).
struct PublishedItem {
  int64_t id = 0;
  int64_t published_version = 0;
  bool retired = false;
  std::string code;
  std::string name;
  boost::json::object data;  // the published version's fields (empty when never published)
  // A text field of `data`, "" when absent.
  std::string Text(const char* key) const;
};
// The items of `ids` (unknown ids are left out), in no particular order.
std::vector<PublishedItem> PublishedItems(soci::session& sql, const std::vector<int64_t>& ids);
// A department by "#id", code or name.
std::optional<CheckContext::DepartmentRef> FindDepartment(soci::session& sql,
                                                          const std::string& key);

}  // namespace ssj::catalog::repo
