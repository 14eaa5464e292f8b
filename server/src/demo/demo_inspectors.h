// Demo people for the inspector directory: about sixty 执法人员 in the demo departments with
// specialties (some certificates expired, so the flag and the draw exclusion show), and a few
// experts, auxiliary staff and institutions. The same people in every run.
#pragma once

#include <cstdint>

#include "common/error.h"
#include "db/database.h"

namespace ssj::demo {

// Adds the demo people that are not there yet; links the demo inspector account (jiancha) to
// its record. Returns how many were added.
Result<int64_t> AddInspectors(soci::session& sql, db::Backend backend, int64_t now_ms);

}  // namespace ssj::demo
