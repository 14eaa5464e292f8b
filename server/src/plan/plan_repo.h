// SQL of annual plans (migration 0011). Lists and reads apply the caller's data scope through
// the initiating department. Every write keeps the newest version's JSON in plan_versions; the
// portal reads only versions whose status is published, so an adjustment in progress never
// hides the version in force. Every function runs inside the caller's transaction.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "org/org_types.h"
#include "plan/plan_types.h"

namespace ssj::plan::repo {

// The catalog items of `ids` with the fields of their published version (name, domain,
// category, ratio cap); an item never published has published_version 0 and its draft's name.
// Unknown ids are left out.
std::vector<ItemRef> ItemRefs(soci::session& sql, const std::vector<int64_t>& ids);

// Inserts a plan as a draft, version 1; returns its id. A plan of the same department, year
// and name throws a unique violation (db::IsUniqueViolation).
int64_t Insert(soci::session& sql, const PlanInput& input, const std::vector<Row>& rows, int64_t by,
               const std::string& now);
// Replaces the draft's fields and rows (the newest version, in place).
void UpdateDraft(soci::session& sql, int64_t id, const PlanInput& input,
                 const std::vector<Row>& rows, int64_t by, const std::string& now);
// Sets the newest version's status (plans and plan_versions); kSubmitted also records who
// submitted and when.
void SetStatus(soci::session& sql, int64_t id, State status, int64_t by, const std::string& now);
// Records a decision on the pending submission of `plan`.
void AddApproval(soci::session& sql, const Plan& plan, bool approved, int64_t by,
                 const std::string& now, const std::string& reason);
// Makes the newest version the public one; the version published before becomes superseded.
void Publish(soci::session& sql, int64_t id, int64_t by, const std::string& now);
// Starts the next version of a published plan as a draft with the same rows; the published
// version stays public.
void Adjust(soci::session& sql, int64_t id, int64_t by, const std::string& now,
            const std::string& reason);

// Takes the plan's row lock until the caller's transaction ends (a no-op update, as policy does):
// two decisions on one submission are serialised, and the second sees the first's result.
void Lock(soci::session& sql, int64_t id);

// nullopt when the plan does not exist or is outside the caller's scope (nullptr: no scope).
std::optional<Plan> Get(soci::session& sql, const org::Principal* who, int64_t id);
// Plans without their rows, newest first.
db::Page<Plan> List(soci::session& sql, const org::Principal* who, const PlanFilter& filter);
// Plans in the caller's scope never published, of years up to `year`: candidates for the
// overdue flag.
std::vector<Plan> Unpublished(soci::session& sql, const org::Principal* who, int64_t year);
// Every version, newest first.
std::vector<PlanVersion> Versions(soci::session& sql, int64_t id);
// Every decision, oldest first.
std::vector<Approval> Approvals(soci::session& sql, int64_t id);
// The versions in force on the portal, of `year` (0: every year), by department and name.
std::vector<PublicPlan> ListPublic(soci::session& sql, int64_t year);
// The rows of the newest version of every plan of `year` in the caller's scope.
std::vector<MergeRow> MergeRows(soci::session& sql, const org::Principal* who, int64_t year);

}  // namespace ssj::plan::repo
