#include "draw/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace ssj::draw {

void ParallelFor(size_t n, const std::function<void(size_t)>& fn) {
  size_t threads = std::min<size_t>({n, std::max(1u, std::thread::hardware_concurrency()), 8});
  if (threads <= 1) {
    for (size_t idx = 0; idx < n; ++idx) fn(idx);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t idx = next++; idx < n; idx = next++) fn(idx);
    });
  }
  for (auto& thread : pool) thread.join();
}

}  // namespace ssj::draw
