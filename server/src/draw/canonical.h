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

// One target of a stratum. The first 24 bytes of its code are kept inline, zero-padded: codes
// hold no NUL (§3), so the padding keeps byte order and equality exact, and a USCC (18 bytes)
// never needs the code arena again.
struct CanonicalEntry {
  unsigned char prefix[24];
  uint32_t idx;     // index into request.targets
  uint32_t region;  // interned region id of request.targets
};

struct CanonicalPool {
  std::vector<const Stratum*> strata;  // by id
  BigVector<CanonicalEntry> entries;   // by stratum, then by code
  std::vector<size_t> offsets;         // stratum h is entries[offsets[h], offsets[h + 1])

  std::span<const CanonicalEntry> members(size_t h) const {
    return {entries.data() + offsets[h], offsets[h + 1] - offsets[h]};
  }

  // The code of an entry (from the arena only for codes longer than 24 bytes).
  static std::string_view Code(const TargetPool& targets, const CanonicalEntry& entry) {
    if (entry.prefix[23] != 0) return targets.code(entry.idx);
    size_t size = 23;
    while (size > 0 && entry.prefix[size - 1] == 0) --size;
    return {reinterpret_cast<const char*>(entry.prefix), size};
  }
  static const std::string& Region(const TargetPool& targets, const CanonicalEntry& entry) {
    return targets.region_names()[entry.region];
  }
};

// Sorts the whole pool by code (two halves in parallel, then merged), so that duplicate codes,
// within or across strata, are adjacent; then splits it by stratum, keeping code order. Expects a
// request that passed CheckFields (no NUL in codes). A duplicate is reported at the second row, in
// input order, of the smallest duplicated code; a target whose stratum is not declared at its first
// such row.
Result<CanonicalPool> Canonicalize(const Request& request);

}  // namespace ssj::draw
