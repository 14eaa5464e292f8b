#include "draw/canonical.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

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

// Sorts `in` into `out` (`in` is clobbered). Keys of up to 48 bits (as when codes differ in a
// dozen digits) take least-significant-digit radix passes of at most 12 bits, after which only
// runs of equal keys need comparing. Longer keys take one pass on the top 12 bits, then each
// bucket, small enough for the cache, is sorted in full.
void SortRange(Item* in, Item* out, size_t n, int bits, const CodeLess& less) {
  constexpr int kMaxDigit = 12;
  std::vector<size_t> start;
  auto distribute = [&](const Item* from, Item* to, int shift, int digit) {
    const uint64_t mask = (uint64_t{1} << digit) - 1;
    start.assign(mask + 2, 0);
    for (size_t i = 0; i < n; ++i) ++start[((from[i].key >> shift) & mask) + 1];
    for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    std::vector<size_t> fill(start.begin(), start.end() - 1);
    for (size_t i = 0; i < n; ++i) to[fill[(from[i].key >> shift) & mask]++] = from[i];
  };
  if (bits <= 4 * kMaxDigit) {
    const int passes = std::max(1, (bits + kMaxDigit - 1) / kMaxDigit);
    const int digit = std::max(1, (bits + passes - 1) / passes);
    Item* from = in;
    Item* to = out;
    for (int pass = 0; pass < passes; ++pass) {
      distribute(from, to, pass * digit, digit);
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
    distribute(in, out, bits - kMaxDigit, kMaxDigit);
    for (size_t d = 0; d + 1 < start.size(); ++d) {
      if (start[d + 1] - start[d] > 1) std::sort(out + start[d], out + start[d + 1], less);
    }
  }
}

// An entry is the target's record with its index in place of its stratum.
// How far ahead of a random read to ask for it.
constexpr size_t kAhead = 16;

void Place(const TargetPool& targets, size_t idx, CanonicalEntry* entry) {
  std::memcpy(entry, &targets.record(idx), sizeof *entry);
  entry->idx = static_cast<uint32_t>(idx);
}

// Merges two sorted runs, handing the result to `sink` a cache-sized chunk at a time, so that the
// sink can look ahead within the chunk.
template <class Sink>
void MergeInChunks(const Item* a, const Item* a_end, const Item* b, const Item* b_end,
                   const CodeLess& less, Sink sink) {
  constexpr size_t kChunk = 1024;
  Item chunk[kChunk];
  size_t k = 0;
  while (a != a_end || b != b_end) {
    chunk[k++] = (b == b_end || (a != a_end && !less(*b, *a))) ? *a++ : *b++;
    if (k == kChunk) sink(chunk, std::exchange(k, 0));
  }
  if (k > 0) sink(chunk, k);
}

// Entries for a pool in code order: each half writes its entries in sequence, the second half
// after the first half's share of each stratum.
void SplitInOrder(const TargetPool& targets, const std::vector<uint32_t>& canonical_of,
                  const PaddedArray& first_half, CanonicalPool* pool) {
  const size_t n = targets.size(), half = n / 2, strata = pool->strata.size();
  pool->entries.resize(n);
  ParallelFor(2, [&](size_t part) {
    PaddedArray fill(pool->offsets.begin(), pool->offsets.end() - 1);
    if (part == 1) {
      for (size_t h = 0; h < strata; ++h) fill[h] += first_half[h];
    }
    for (size_t idx = part == 0 ? 0 : half, to = part == 0 ? half : n; idx < to; ++idx) {
      Place(targets, idx, &pool->entries[fill[canonical_of[targets.stratum_id(idx)]]++]);
    }
  });
}

// What one pass over half the pool finds: each stratum's size, the first target whose stratum is
// not declared, whether the codes are in order (each greater than the one before), and the byte
// range of each prefix position for the sort key.
struct Survey {
  explicit Survey(size_t strata) : sizes(strata) {}
  PaddedArray sizes;
  size_t undeclared = SIZE_MAX;
  bool ordered = true;
  ByteRange range;
};

Survey SurveyHalf(const TargetPool& targets, const std::vector<uint32_t>& canonical_of,
                  size_t strata, size_t from, size_t to) {
  Survey survey(strata);
  ByteRange range;  // local: the two threads' ranges would share a cache line
  unsigned char previous[24] = {}, current[24];
  if (from > 0) targets.Prefix24(from - 1, previous);
  for (size_t idx = from; idx < to; ++idx) {
    const uint32_t h = canonical_of[targets.stratum_id(idx)];
    if (h == UINT32_MAX) {
      survey.undeclared = idx;
      break;
    }
    ++survey.sizes[h];
    targets.Prefix24(idx, current);
    range.Add(current);
    if (survey.ordered && idx > 0) {
      const int order = std::memcmp(previous, current, 24);
      survey.ordered = order < 0 || (order == 0 && targets.code(idx - 1) < targets.code(idx));
    }
    std::memcpy(previous, current, 24);
  }
  survey.range = range;
  return survey;
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
  // One pass, in two halves.
  const size_t n = targets.size(), half = n / 2, strata = pool.strata.size();
  std::optional<Survey> surveys[2];
  ParallelFor(2, [&](size_t part) {
    surveys[part] = part == 0 ? SurveyHalf(targets, canonical_of, strata, 0, half)
                              : SurveyHalf(targets, canonical_of, strata, half, n);
  });
  if (size_t idx = std::min(surveys[0]->undeclared, surveys[1]->undeclared); idx != SIZE_MAX) {
    return Error::InvalidField(Field(idx, "stratum"), "未声明的分层",
                               targets.stratum(idx).substr(0, 64));
  }
  pool.offsets.assign(strata + 1, 0);
  for (size_t h = 0; h < strata; ++h)
    pool.offsets[h + 1] = pool.offsets[h] + surveys[0]->sizes[h] + surveys[1]->sizes[h];
  if (surveys[0]->ordered && surveys[1]->ordered) {
    // Already in code order, so without duplicates: split by stratum, keeping the order.
    SplitInOrder(targets, canonical_of, surveys[0]->sizes, &pool);
    return pool;
  }

  // Otherwise sort: the key from the byte ranges, then each half sorted on its own thread, then
  // the sorted halves merged.
  surveys[0]->range.Add(surveys[1]->range);
  const RadixKey radix_key(surveys[0]->range);
  CodeLess less{targets};
  BigVector<Item> items(n), scratch(n);
  ParallelFor(2, [&](size_t part) {
    const size_t from = part == 0 ? 0 : half, to = part == 0 ? half : n;
    unsigned char prefix[24];
    for (size_t idx = from; idx < to; ++idx) {
      targets.Prefix24(idx, prefix);
      items[idx] = {radix_key(prefix), static_cast<uint32_t>(idx),
                    canonical_of[targets.stratum_id(idx)]};
    }
    SortRange(items.data() + from, scratch.data() + from, to - from, radix_key.bits(), less);
  });
  // The merge, in two parallel parts, writes the entries: the lower part takes the n/2 smallest
  // items, found by splitting both halves at a point where everything before it precedes
  // everything after. Each part finds its first duplicate, places each item in its stratum
  // (after the lower part's share of that stratum, for the upper part) and copies its record
  // there, asking ahead for the records, which are read in random order.
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
  PaddedArray lower_share[2] = {PaddedArray(strata), PaddedArray(strata)};
  ParallelFor(2, [&](size_t part) {
    const Item* from = part == 0 ? lo : hi;
    for (const Item *it = from, *end = from + (part == 0 ? take_lo : take_hi); it != end; ++it)
      ++lower_share[part][it->stratum];
  });
  items = {};
  pool.entries.resize(n);
  // Per part: the first item whose code equals the one before it (so the part's smallest
  // duplicated code), and the first and last items, for the pair across the boundary.
  std::optional<Item> dup[2], first[2], last[2];
  ParallelFor(2, [&](size_t part) {
    PaddedArray fill(pool.offsets.begin(), pool.offsets.end() - 1);
    if (part == 1) {
      for (size_t h = 0; h < strata; ++h) fill[h] += lower_share[0][h] + lower_share[1][h];
    }
    // Locals: the two threads' results share cache lines.
    std::optional<Item> part_dup, part_first;
    Item previous{};
    auto sink = [&](const Item* chunk, size_t k) {
      for (size_t i = 0; i < std::min<size_t>(k, kAhead); ++i) targets.Prefetch(chunk[i].idx);
      for (size_t i = 0; i < k; ++i) {
        if (i + kAhead < k) targets.Prefetch(chunk[i + kAhead].idx);
        const Item& item = chunk[i];
        if (!part_first) {
          part_first = item;
        } else if (!part_dup && less.Equal(previous, item)) {
          part_dup = item;
        }
        previous = item;
        Place(targets, item.idx, &pool.entries[fill[item.stratum]++]);
      }
    };
    if (part == 0) {
      MergeInChunks(lo, lo + take_lo, hi, hi + take_hi, less, sink);
    } else {
      MergeInChunks(lo + take_lo, lo + lo_n, hi + take_hi, hi + hi_n, less, sink);
    }
    dup[part] = part_dup;
    first[part] = part_first;
    if (part_first) last[part] = previous;
  });
  std::optional<Item> smallest_dup = dup[0];
  if (!smallest_dup && last[0] && first[1] && less.Equal(*last[0], *first[1]))
    smallest_dup = first[1];
  if (!smallest_dup) smallest_dup = dup[1];
  if (smallest_dup) {
    // Name the duplicated code's second row in input order.
    const std::string_view code = targets.code(smallest_dup->idx);
    size_t seen = 0, idx = 0;
    while (seen < 2) seen += targets.code(idx++) == code;
    return Error::InvalidField(Field(idx - 1, "code"), "检查对象代码重复", std::string(code));
  }
  return pool;
}

}  // namespace ssj::draw
