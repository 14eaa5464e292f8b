// Demo item list (抽查事项清单) of 重庆市经信委: thirteen items of its offices and two district
// offices, 重点 and 一般 (with ratio caps), most published, one draft, one published item with an
// edit waiting to be published, and one retired. The same items in every run.
#pragma once

#include <cstdint>

#include "common/error.h"
#include "db/database.h"

namespace ssj::demo {

// Adds the demo items that are not there yet (by code). Returns how many were added.
Result<int64_t> AddItems(soci::session& sql, db::Backend backend, int64_t now_ms);

}  // namespace ssj::demo
