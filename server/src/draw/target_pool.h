// The pool of targets, held by column. A pool may hold ten million targets: one heap string per
// code would cost an allocation each and turn every pass (checks, canonical order, digest,
// tickets) into pointer chasing. Codes live in one arena; strata and regions, which repeat, are
// interned and stored as small integers. See docs/benchmarks.md.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "draw/big_vector.h"

namespace ssj::draw {

// A target as a plain value: how tests and the JSON request spell one.
struct Target {
  std::string code;
  std::string stratum;
  std::string region;
};

// Distinct strings numbered in first-seen order.
class Interner {
 public:
  uint32_t Intern(std::string_view s);
  const std::string& name(uint32_t id) const { return names_[id]; }
  const std::vector<std::string>& names() const { return names_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  uint32_t last_ = UINT32_MAX;  // consecutive rows usually repeat a value
};

class TargetPool {
 public:
  TargetPool() = default;
  TargetPool(std::initializer_list<Target> targets);
  explicit TargetPool(const std::vector<Target>& targets);

  void Reserve(size_t targets, size_t code_bytes);
  void Add(std::string_view code, std::string_view stratum, std::string_view region);
  void push_back(const Target& t) { Add(t.code, t.stratum, t.region); }

  size_t size() const { return stratum_ids_.size(); }
  bool empty() const { return stratum_ids_.empty(); }
  std::string_view code(size_t idx) const {
    return {arena_.data() + offsets_[idx], offsets_[idx + 1] - offsets_[idx]};
  }
  uint32_t stratum_id(size_t idx) const { return stratum_ids_[idx]; }
  uint32_t region_id(size_t idx) const { return region_ids_[idx]; }
  const std::string& stratum(size_t idx) const { return strata_.name(stratum_ids_[idx]); }
  const std::string& region(size_t idx) const { return regions_.name(region_ids_[idx]); }
  // Interned values, numbered in first-seen order (ids as returned by stratum_id/region_id).
  const std::vector<std::string>& stratum_names() const { return strata_.names(); }
  const std::vector<std::string>& region_names() const { return regions_.names(); }

  // The first 24 bytes of a code, zero-padded: three word loads, no byte loop (the arena keeps
  // 24 spare bytes at its end, so a load never leaves it).
  void Prefix24(size_t idx, unsigned char out[24]) const {
    const size_t size = offsets_[idx + 1] - offsets_[idx];
    uint64_t words[3];
    std::memcpy(words, arena_.data() + offsets_[idx], sizeof words);
    for (size_t w = 0; w < 3; ++w) {
      if (size <= 8 * w) {
        words[w] = 0;
      } else if (size < 8 * w + 8) {  // little-endian: the code's bytes are the low ones
        words[w] &= (uint64_t{1} << (8 * (size - 8 * w))) - 1;
      }
    }
    std::memcpy(out, words, sizeof words);
  }
  void PrefetchOffset(size_t idx) const {
    __builtin_prefetch(&offsets_[idx]);
    __builtin_prefetch(&region_ids_[idx]);
  }
  void PrefetchCode(size_t idx) const { __builtin_prefetch(arena_.data() + offsets_[idx]); }

  Target at(size_t idx) const { return {std::string(code(idx)), stratum(idx), region(idx)}; }
  std::vector<Target> ToVector() const;

 private:
  // Huge pages: the canonical order reads codes at random, and with 4 KiB pages nearly every
  // read would also miss the TLB.
  static constexpr size_t kSpare = 24;
  BigVector<char> arena_ = BigVector<char>(kSpare, '\0');
  BigVector<uint64_t> offsets_{0};
  BigVector<uint32_t> stratum_ids_;
  BigVector<uint32_t> region_ids_;
  Interner strata_;
  Interner regions_;
};

}  // namespace ssj::draw
