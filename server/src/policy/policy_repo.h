// SQL of policy profiles (migration 0010, policy_choice and policy_overrides): which shipped
// profile the deployment follows, the values an administrator adjusted, and the policy in force
// built from them. Read per call (two small tables), so a change made on one server process is
// in force on every other at once.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

#include "policy/policy.h"
#include "policy/policy_types.h"

namespace ssj::policy {

// The policy in force, for every module that applies a rule: the chosen profile (the default,
// cq-joint, on a fresh deployment) with the administrator's adjustments. Never fails on stored
// data: a profile no longer shipped falls back to the default, and an adjustment that no longer
// names a setting or no longer passes its check is left out (both logged).
Policy Current(soci::session& sql);

namespace repo {

// The same as Current().
Policy Load(soci::session& sql);

// The same, after taking the lock on the deployment's choice (inside the caller's transaction):
// no concurrent change can alter the policy read until that transaction ends. For a change that
// records what it replaced.
Policy LoadForUpdate(soci::session& sql);

// Stores `change` (checked by CheckChange) as the deployment's choice, replacing every earlier
// adjustment. An adjustment whose value is unchanged keeps who set it and when; the others are
// recorded as set by `by` at `now` with the change's reason. Runs inside the caller's
// transaction; two concurrent changes are serialised on the choice row.
void Save(soci::session& sql, const Change& change, int64_t by, const std::string& now);

}  // namespace repo
}  // namespace ssj::policy
