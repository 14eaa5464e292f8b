// Demo targets for the directory: realistic Chongqing firms with valid USCCs, mixed industries,
// classes, statuses and tags. Target i is the same in every run, so a larger count only adds.
#pragma once

#include <cstdint>
#include <functional>

#include "common/error.h"
#include "db/database.h"

namespace ssj::demo {

// Brings the demo directory up to `count` targets (existing demo targets are kept). `progress`
// is called with the number written so far. Returns how many were added.
Result<int64_t> AddTargets(soci::session& sql, db::Backend backend, int64_t now_ms, int64_t count,
                           const std::function<void(int64_t)>& progress = {});

// Adds `count` places (B.2) and `count` products (B.3) run by the first demo firms, some with
// expired licences. Returns how many were added.
Result<int64_t> AddPlacesAndProducts(soci::session& sql, db::Backend backend, int64_t now_ms,
                                     int64_t count);

}  // namespace ssj::demo
