// SQL of conflicts and exemptions. Lists and reads apply the caller's data scope: a conflict
// through the inspector's department, an exemption through the target's supervising department.
// Records are revoked, never deleted.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "org/org_types.h"
#include "restrictions/restriction_types.h"
#include "restrictions/restrictions.h"

namespace ssj::restrictions::repo {

using db::Page;

// Look-ups by code for the checks ("#12": by id).
std::optional<Ref> InspectorByCode(soci::session& sql, const std::string& code);
std::optional<Ref> TargetByCode(soci::session& sql, const std::string& code);

int64_t InsertConflict(soci::session& sql, const ConflictInput& input, std::optional<int64_t> by,
                       const std::string& now);
void UpdateConflict(soci::session& sql, int64_t id, const ConflictInput& input,
                    const std::string& now);
// The records in force (status 有效) among (inspector_id, target_id) pairs: pair -> id.
std::map<std::pair<int64_t, int64_t>, int64_t> FindConflicts(
    soci::session& sql, const std::vector<std::pair<int64_t, int64_t>>& pairs);
Page<Conflict> ListConflicts(soci::session& sql, const org::Principal* who, const Filter& filter);
// Every record the filter matches (ignoring its page), in id order, a batch at a time: for
// exports of any size. The same for exemptions below.
void ForEachConflict(soci::session& sql, const org::Principal* who, const Filter& filter,
                     const std::function<void(const Conflict&)>& fn);
std::optional<Conflict> GetConflict(soci::session& sql, const org::Principal* who, int64_t id);

int64_t InsertExemption(soci::session& sql, const ExemptionInput& input, std::optional<int64_t> by,
                        const std::string& now);
void UpdateExemption(soci::session& sql, int64_t id, const ExemptionInput& input,
                     const std::string& now);
// The record with status 有效 for a target, document and scope, if any.
std::optional<int64_t> FindExemption(soci::session& sql, const ExemptionInput& input);
Page<Exemption> ListExemptions(soci::session& sql, const org::Principal* who, const Filter& filter);
void ForEachExemption(soci::session& sql, const org::Principal* who, const Filter& filter,
                      const std::function<void(const Exemption&)>& fn);
std::optional<Exemption> GetExemption(soci::session& sql, const org::Principal* who, int64_t id);

// Sets status 已撤销 with a reason (table: "conflicts" or "exemptions").
void Revoke(soci::session& sql, const std::string& table, int64_t id, const std::string& reason,
            const std::string& now);

}  // namespace ssj::restrictions::repo
