// §4: the pool in canonical order (strata by id, each stratum's targets by code), laid out so
// that the passes over ten million targets (pool digest, tickets) read memory in sequence.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "draw/big_vector.h"
#include "draw/draw_types.h"

namespace ssj::draw {

// One target of a stratum: its pool record (TargetPool::Record) with the stratum id replaced by
// the target's index, so that the digest and the tickets read memory in sequence.
struct CanonicalEntry {
  unsigned char prefix[24];
  uint32_t idx;     // index into request.targets
  uint32_t region;  // interned region id of request.targets, with TargetPool::kOverflow
};
static_assert(sizeof(CanonicalEntry) == sizeof(TargetPool::Record));

struct CanonicalPool {
  std::vector<const Stratum*> strata;  // by id
  BigVector<CanonicalEntry> entries;   // by stratum, then by code
  std::vector<size_t> offsets;         // stratum h is entries[offsets[h], offsets[h + 1])

  std::span<const CanonicalEntry> members(size_t h) const {
    return {entries.data() + offsets[h], offsets[h + 1] - offsets[h]};
  }

  // The code of an entry (from the pool only for codes that do not fit the entry).
  static std::string_view Code(const TargetPool& targets, const CanonicalEntry& entry) {
    if (entry.region & TargetPool::kOverflow) return targets.code(entry.idx);
    return {reinterpret_cast<const char*>(entry.prefix), TargetPool::InlineSize(entry.prefix)};
  }
  static const std::string& Region(const TargetPool& targets, const CanonicalEntry& entry) {
    return targets.region_names()[entry.region & ~TargetPool::kOverflow];
  }
};

// Sorts the whole pool by code (two halves in parallel, then merged), so that duplicate codes,
// within or across strata, are adjacent; then splits it by stratum, keeping code order. Expects a
// request that passed CheckFields (no NUL in codes). A duplicate is reported at the second row, in
// input order, of the smallest duplicated code; a target whose stratum is not declared at its first
// such row.
Result<CanonicalPool> Canonicalize(const Request& request);

}  // namespace ssj::draw
