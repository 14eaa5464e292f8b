// The pool of targets, held as fixed-size records. A pool may hold ten million targets: one heap
// string per code would cost an allocation each and turn every pass (checks, canonical order,
// digest, tickets) into pointer chasing. Strata and regions, which repeat, are interned and
// stored as small integers. See docs/benchmarks.md.
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
  // One target as stored, 32 bytes, so that every pass over the pool reads one half cache line
  // per target and a read in random order (the canonical sort's gather) costs one miss, not one
  // per column. The code's first 24 bytes are kept zero-padded: codes hold no NUL (§3), so the
  // padding keeps byte order and equality exact, and a USCC (18 bytes) needs nothing else. A
  // longer code, or one with a NUL (which the checks then refuse), is kept whole elsewhere and
  // flagged in the region id's top bit.
  struct Record {
    unsigned char prefix[24];
    uint32_t stratum;
    uint32_t region;
  };
  static constexpr uint32_t kOverflow = uint32_t{1} << 31;

  TargetPool() = default;
  TargetPool(std::initializer_list<Target> targets);
  explicit TargetPool(const std::vector<Target>& targets);

  void Reserve(size_t targets) { records_.reserve(targets); }
  void Add(std::string_view code, std::string_view stratum, std::string_view region);
  void push_back(const Target& t) { Add(t.code, t.stratum, t.region); }

  size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  const Record& record(size_t idx) const { return records_[idx]; }
  std::string_view code(size_t idx) const {
    const Record& r = records_[idx];
    if (r.region & kOverflow) return LongCode(idx);
    return {reinterpret_cast<const char*>(r.prefix), InlineSize(r.prefix)};
  }
  uint32_t stratum_id(size_t idx) const { return records_[idx].stratum; }
  uint32_t region_id(size_t idx) const { return records_[idx].region & ~kOverflow; }
  const std::string& stratum(size_t idx) const { return strata_.name(stratum_id(idx)); }
  const std::string& region(size_t idx) const { return regions_.name(region_id(idx)); }
  // Interned values, numbered in first-seen order (ids as returned by stratum_id/region_id).
  const std::vector<std::string>& stratum_names() const { return strata_.names(); }
  const std::vector<std::string>& region_names() const { return regions_.names(); }

  // The first 24 bytes of a code, zero-padded.
  void Prefix24(size_t idx, unsigned char out[24]) const {
    std::memcpy(out, records_[idx].prefix, 24);
  }
  void Prefetch(size_t idx) const { __builtin_prefetch(&records_[idx]); }

  // The length of an inline code: the position of the first zero byte, found a word at a time.
  static size_t InlineSize(const unsigned char* prefix) {
    for (size_t w = 0; w < 3; ++w) {
      uint64_t v;
      std::memcpy(&v, prefix + 8 * w, 8);
      // Flags each zero byte (and possibly bytes above one, which ctz never reaches).
      uint64_t zero = (v - 0x0101010101010101) & ~v & 0x8080808080808080;
      if (zero) return 8 * w + static_cast<size_t>(__builtin_ctzll(zero)) / 8;
    }
    return 24;
  }

  Target at(size_t idx) const { return {std::string(code(idx)), stratum(idx), region(idx)}; }
  std::vector<Target> ToVector() const;

 private:
  std::string_view LongCode(size_t idx) const {
    const uint32_t k = long_slot_[idx];
    return {long_arena_.data() + long_offsets_[k], long_offsets_[k + 1] - long_offsets_[k]};
  }

  // Huge pages: the canonical order reads records at random, and with 4 KiB pages nearly every
  // read would also miss the TLB.
  BigVector<Record> records_;
  // Codes that do not fit a record. long_slot_ (record index -> overflow number) is only
  // allocated once the first such code arrives.
  std::vector<char> long_arena_;
  std::vector<uint64_t> long_offsets_{0};
  BigVector<uint32_t> long_slot_;
  Interner strata_;
  Interner regions_;
};

}  // namespace ssj::draw
