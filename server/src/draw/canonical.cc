#include "draw/canonical.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

#include "draw/parallel.h"

namespace ssj::draw {
namespace {

// One target while sorting: its sort key (see RadixKey), index and canonical stratum.
struct Item {
  uint64_t key;
  uint32_t idx;
  uint32_t stratum;
};

// Byte order of the codes: the sort key decides, and only targets with equal keys (codes alike
// in every position the key covers) are compared in the code arena.
struct CodeLess {
  const TargetPool& targets;
  bool operator()(const Item& a, const Item& b) const {
    if (a.key != b.key) return a.key < b.key;
    return targets.code(a.idx) < targets.code(b.idx);
  }
  bool Equal(const Item& a, const Item& b) const {
    return a.key == b.key && targets.code(a.idx) == targets.code(b.idx);
  }
};

// The smallest and largest byte at each prefix position, kept in vector registers.
struct ByteRange {
  typedef unsigned char V16 __attribute__((vector_size(16)));
  typedef unsigned char V8 __attribute__((vector_size(8)));
  V16 min16, max16;
  V8 min8, max8;
  ByteRange() {
    for (int p = 0; p < 16; ++p) min16[p] = 255, max16[p] = 0;
    for (int p = 0; p < 8; ++p) min8[p] = 255, max8[p] = 0;
  }
  void Add(const unsigned char* prefix) {
    V16 a;
    V8 b;
    std::memcpy(&a, prefix, 16);
    std::memcpy(&b, prefix + 16, 8);
    min16 = a < min16 ? a : min16;
    max16 = a > max16 ? a : max16;
    min8 = b < min8 ? b : min8;
    max8 = b > max8 ? b : max8;
  }
  void Add(const ByteRange& other) {
    min16 = other.min16 < min16 ? other.min16 : min16;
    max16 = other.max16 > max16 ? other.max16 : max16;
    min8 = other.min8 < min8 ? other.min8 : min8;
    max8 = other.max8 > max8 ? other.max8 : max8;
  }
  unsigned char min(int p) const { return p < 16 ? min16[p] : min8[p - 16]; }
  unsigned char max(int p) const { return p < 16 ? max16[p] : max8[p - 16]; }
};

// An order-preserving 64-bit key: the leading prefix positions read as the digits of a
// mixed-radix number, each digit the byte minus the smallest byte at that position, for as many
// positions as fit in 64 bits. Positions where every code has the same byte cost nothing, so
// codes that share a region or an issuer still get distinct keys from the positions that vary.
// Keys of codes that differ only beyond the key are equal, and CodeLess decides.
class RadixKey {
 public:
  explicit RadixKey(const ByteRange& range) {
    unsigned __int128 total = 1;
    for (int p = 0; p < 24; ++p) {
      uint32_t base = range.max(p) >= range.min(p) ? range.max(p) - range.min(p) + 1 : 1;
      if (base == 1) continue;
      if (total * base > ~uint64_t{0}) break;
      total *= base;
      positions_.push_back({p, range.min(p), base});
    }
    while (bits_ < 64 && (unsigned __int128){1} << bits_ < total) ++bits_;
  }
  uint64_t operator()(const unsigned char* prefix) const {
    uint64_t key = 0;
    for (const Position& pos : positions_) key = key * pos.base + (prefix[pos.at] - pos.min);
    return key;
  }
  int bits() const { return bits_; }

 private:
  struct Position {
    int at;
    unsigned char min;
    uint32_t base;
  };
  std::vector<Position> positions_;
  int bits_ = 0;
};

// Sorts `in` into `out` (`in` is clobbered). Short keys (up to 36 bits, as when codes differ in
// a few digits) take least-significant-digit radix passes of 12 bits, after which only runs of
// equal keys need comparing. Longer keys take one pass on the top 12 bits, then each bucket,
// small enough for the cache, is sorted in full.
void SortRange(Item* in, Item* out, size_t n, int bits, const CodeLess& less) {
  constexpr int kDigit = 12;
  constexpr size_t kBuckets = size_t{1} << kDigit;
  auto distribute = [&](const Item* from, Item* to, int shift, std::vector<size_t>& start) {
    start.assign(kBuckets + 1, 0);
    for (size_t i = 0; i < n; ++i) ++start[((from[i].key >> shift) & (kBuckets - 1)) + 1];
    for (size_t d = 1; d <= kBuckets; ++d) start[d] += start[d - 1];
    std::vector<size_t> fill(start.begin(), start.end() - 1);
    for (size_t i = 0; i < n; ++i) to[fill[(from[i].key >> shift) & (kBuckets - 1)]++] = from[i];
  };
  std::vector<size_t> start;
  if (bits <= 3 * kDigit) {
    Item* from = in;
    Item* to = out;
    int passes = 0;
    for (int shift = 0; shift < bits; shift += kDigit, ++passes) {
      distribute(from, to, shift, start);
      std::swap(from, to);
    }
    if (passes % 2 == 0) std::copy(in, in + n, out);  // the last pass wrote to `in`
    for (size_t begin = 0; begin < n;) {
      size_t end = begin + 1;
      while (end < n && out[end].key == out[begin].key) ++end;
      if (end - begin > 1) std::sort(out + begin, out + end, less);
      begin = end;
    }
  } else {
    distribute(in, out, bits - kDigit, start);
    for (size_t d = 0; d < kBuckets; ++d) {
      if (start[d + 1] - start[d] > 1) std::sort(out + start[d], out + start[d + 1], less);
    }
  }
}

// Whether every code is greater than the one before it (byte order), checked in two parallel
// halves. Pools that ssj exports are written in code order; anything else is sorted.
bool InCodeOrder(const TargetPool& targets) {
  const size_t n = targets.size(), half = n / 2;
  bool ordered[2] = {true, true};
  ParallelFor(2, [&](size_t part) {
    const size_t from = part == 0 ? 1 : std::max<size_t>(half, 1), to = part == 0 ? half : n;
    unsigned char previous[24], current[24];
    if (from < to) targets.Prefix24(from - 1, previous);
    for (size_t idx = from; idx < to; ++idx) {
      targets.Prefix24(idx, current);
      int order = std::memcmp(previous, current, 24);
      if (order > 0 || (order == 0 && !(targets.code(idx - 1) < targets.code(idx)))) {
        ordered[part] = false;
        return;
      }
      std::memcpy(previous, current, 24);
    }
  });
  return ordered[0] && ordered[1];
}

// Entries for a pool in code order: each half counts its strata, then writes its entries in
// sequence, the second half after the first half's share of each stratum.
void SplitInOrder(const TargetPool& targets, const std::vector<uint32_t>& canonical_of,
                  CanonicalPool* pool) {
  const size_t n = targets.size(), half = n / 2, strata = pool->strata.size();
  std::vector<size_t> first_half(strata, 0);
  for (size_t idx = 0; idx < half; ++idx) ++first_half[canonical_of[targets.stratum_id(idx)]];
  pool->entries.resize(n);
  ParallelFor(2, [&](size_t part) {
    std::vector<size_t> fill(pool->offsets.begin(), pool->offsets.end() - 1);
    if (part == 1) {
      for (size_t h = 0; h < strata; ++h) fill[h] += first_half[h];
    }
    for (size_t idx = part == 0 ? 0 : half, to = part == 0 ? half : n; idx < to; ++idx) {
      CanonicalEntry& e = pool->entries[fill[canonical_of[targets.stratum_id(idx)]]++];
      e.idx = static_cast<uint32_t>(idx);
      targets.Prefix24(idx, e.prefix);
      e.region = targets.region_id(idx);
    }
  });
}

std::string Field(size_t idx, const char* name) {
  return "targets[" + std::to_string(idx) + "]." + name;
}

}  // namespace

Result<CanonicalPool> Canonicalize(const Request& r) {
  const TargetPool& targets = r.targets;
  CanonicalPool pool;
  for (const Stratum& s : r.strata) pool.strata.push_back(&s);
  std::sort(pool.strata.begin(), pool.strata.end(), [](auto* a, auto* b) { return a->id < b->id; });
  // Interned stratum id -> canonical index.
  std::unordered_map<std::string_view, uint32_t> index;
  for (size_t h = 0; h < pool.strata.size(); ++h)
    index[pool.strata[h]->id] = static_cast<uint32_t>(h);
  std::vector<uint32_t> canonical_of(targets.stratum_names().size(), UINT32_MAX);
  for (size_t id = 0; id < canonical_of.size(); ++id) {
    auto it = index.find(targets.stratum_names()[id]);
    if (it != index.end()) canonical_of[id] = it->second;
  }
  std::vector<size_t> sizes(pool.strata.size(), 0);
  for (size_t idx = 0; idx < targets.size(); ++idx) {
    uint32_t h = canonical_of[targets.stratum_id(idx)];
    if (h == UINT32_MAX) {
      return Error::InvalidField(Field(idx, "stratum"), "未声明的分层",
                                 targets.stratum(idx).substr(0, 64));
    }
    ++sizes[h];
  }
  pool.offsets.assign(pool.strata.size() + 1, 0);
  for (size_t h = 0; h < sizes.size(); ++h) pool.offsets[h + 1] = pool.offsets[h] + sizes[h];
  if (InCodeOrder(targets)) {
    // Already in code order, so without duplicates: one sequential pass splits it by stratum.
    SplitInOrder(targets, canonical_of, &pool);
    return pool;
  }

  // Two halves, each on its own thread: the byte range of each prefix position, then keys, then
  // each half sorted. The sorted halves are merged.
  const size_t n = targets.size(), half = n / 2;
  auto prefix_of = [&](size_t idx, unsigned char* prefix) { targets.Prefix24(idx, prefix); };
  ByteRange ranges[2];
  ParallelFor(2, [&](size_t part) {
    ByteRange range;  // local: the two threads' ranges would share a cache line
    unsigned char prefix[24];
    for (size_t idx = part == 0 ? 0 : half, to = part == 0 ? half : n; idx < to; ++idx) {
      prefix_of(idx, prefix);
      range.Add(prefix);
    }
    ranges[part] = range;
  });
  ranges[0].Add(ranges[1]);
  const RadixKey radix_key(ranges[0]);
  CodeLess less{targets};
  BigVector<Item> items(n), scratch(n);
  ParallelFor(2, [&](size_t part) {
    const size_t from = part == 0 ? 0 : half, to = part == 0 ? half : n;
    unsigned char prefix[24];
    for (size_t idx = from; idx < to; ++idx) {
      prefix_of(idx, prefix);
      items[idx] = {radix_key(prefix), static_cast<uint32_t>(idx),
                    canonical_of[targets.stratum_id(idx)]};
    }
    SortRange(items.data() + from, scratch.data() + from, to - from, radix_key.bits(), less);
  });
  // The merge in two parallel parts: the lower part takes the n/2 smallest items, found by
  // splitting both halves at a point where everything before it precedes everything after.
  const Item* lo = scratch.data();
  const Item* hi = scratch.data() + half;
  const size_t lo_n = half, hi_n = n - half;
  size_t low = lo_n > half ? lo_n - half : 0, high = std::min(half, lo_n);
  while (low < high) {  // i items from lo and half − i from hi
    size_t i = (low + high) / 2;
    if (less(hi[half - i - 1], lo[i])) {
      high = i;
    } else {
      low = i + 1;
    }
  }
  const size_t take_lo = low, take_hi = half - low;
  ParallelFor(2, [&](size_t part) {
    if (part == 0) {
      std::merge(lo, lo + take_lo, hi, hi + take_hi, items.data(), less);
    } else {
      std::merge(lo + take_lo, lo + lo_n, hi + take_hi, hi + hi_n, items.data() + half, less);
    }
  });

  for (size_t pos = 1; pos < n; ++pos) {
    if (!less.Equal(items[pos - 1], items[pos])) continue;
    // The smallest duplicated code: name its second row in input order.
    std::vector<uint32_t> rows = {items[pos - 1].idx, items[pos].idx};
    for (size_t more = pos + 1; more < n && less.Equal(items[pos], items[more]); ++more)
      rows.push_back(items[more].idx);
    std::sort(rows.begin(), rows.end());
    return Error::InvalidField(Field(rows[1], "code"), "检查对象代码重复",
                               std::string(targets.code(rows[1])));
  }

  // Split by stratum, keeping code order; then each stratum's entries, gathered from the pool's
  // columns, in parallel.
  std::vector<size_t> fill(pool.offsets.begin(), pool.offsets.end() - 1);
  for (const Item& item : items) scratch[fill[item.stratum]++] = item;
  items = {};
  pool.entries.resize(n);
  ParallelFor(pool.strata.size(), [&](size_t h) {
    const size_t begin = pool.offsets[h], end = pool.offsets[h + 1];
    for (size_t pos = begin; pos < end; ++pos) {
      // The reads are random: ask for them well ahead, the offset first, then the code.
      if (pos + 32 < end) targets.PrefetchOffset(scratch[pos + 32].idx);
      if (pos + 16 < end) targets.PrefetchCode(scratch[pos + 16].idx);
      CanonicalEntry& e = pool.entries[pos];
      e.idx = scratch[pos].idx;
      prefix_of(e.idx, e.prefix);
      e.region = targets.region_id(e.idx);
    }
  });
  return pool;
}

}  // namespace ssj::draw
