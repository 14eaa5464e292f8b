// SQL of the inspector directory. Lists and reads apply the caller's data scope through the
// person's department; writes keep every earlier version in inspector_history.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/database.h"
#include "directory/directory_types.h"
#include "inspectors/inspector_types.h"
#include "org/org_types.h"

namespace ssj::inspectors::repo {

using db::Page;
using directory::HistoryEntry;

// The stored records among `codes`, by code.
std::map<std::string, int64_t> FindMany(soci::session& sql, const std::vector<std::string>& codes);
std::optional<int64_t> FindByCode(soci::session& sql, const std::string& code);

int64_t Insert(soci::session& sql, const InspectorInput& input, std::optional<int64_t> by,
               const std::string& now, const std::string& action);
// Replaces a record's fields with `input` as its next version.
void Update(soci::session& sql, int64_t id, const InspectorInput& input, std::optional<int64_t> by,
            const std::string& now, const std::string& action);

Page<Inspector> List(soci::session& sql, const org::Principal* who, const InspectorFilter& filter);
// Every record the filter matches (ignoring its page), in id order, a batch at a time: for
// exports of any size.
void ForEach(soci::session& sql, const org::Principal* who, const InspectorFilter& filter,
             const std::function<void(const Inspector&)>& fn);
std::optional<Inspector> Get(soci::session& sql, const org::Principal* who, int64_t id);
std::vector<HistoryEntry> History(soci::session& sql, int64_t id);

// The person whose login account is `user_id`.
std::optional<int64_t> ByUser(soci::session& sql, int64_t user_id);
// The active accounts of a department, with whom each is linked to now.
std::vector<Account> DepartmentAccounts(soci::session& sql, int64_t department_id);
// Links person `id` to `user_id` (moving the account from whoever had it), or unlinks it.
void SetAccount(soci::session& sql, int64_t id, std::optional<int64_t> user_id);

// 执法人员 on duty, for the public directory. `q` matches the name or the certificate number,
// `department` a department name.
Page<PublicInspector> ListPublic(soci::session& sql, const std::string& q,
                                 const std::string& department, int64_t page, int64_t page_size);

// The specialty dictionary, in its order.
std::vector<std::string> Specialties(soci::session& sql);

}  // namespace ssj::inspectors::repo
