// Demo conflicts of interest and exemptions over the demo targets and people: a few in force,
// one revoked, one lapsed, so every state shows. Needs demo targets (skipped without any).
#pragma once

#include <cstdint>

#include "common/error.h"
#include "db/database.h"

namespace ssj::demo {

// Adds the demo records once (nothing when there are any already). Returns how many were added.
Result<int64_t> AddRestrictions(soci::session& sql, db::Backend backend, int64_t now_ms);

}  // namespace ssj::demo
