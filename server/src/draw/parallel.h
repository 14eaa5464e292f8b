// Runs independent pieces of the draw (one per stratum) on the machine's cores.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace ssj::draw {

// fn(0 … n−1), on up to min(n, cores, 8) threads; returns when all are done.
void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

// Counters or positions written by one thread on every item. Their storage is padded by a cache
// line on each side: two threads' small arrays, allocated together, would otherwise share a line
// and every increment would bounce it between the cores.
class PaddedArray {
 public:
  explicit PaddedArray(size_t n, size_t value = 0) : storage_(n + 2 * kPad, value) {}
  template <class It>
  PaddedArray(It first, It last) : storage_(kPad) {
    storage_.insert(storage_.end(), first, last);
    storage_.resize(storage_.size() + kPad);
  }
  size_t& operator[](size_t i) { return storage_[i + kPad]; }
  size_t operator[](size_t i) const { return storage_[i + kPad]; }
  size_t size() const { return storage_.size() - 2 * kPad; }

 private:
  static constexpr size_t kPad = 64 / sizeof(size_t);
  std::vector<size_t> storage_;
};

}  // namespace ssj::draw
