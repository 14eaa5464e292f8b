// Runs independent pieces of the draw (one per stratum) on the machine's cores.
#pragma once

#include <cstddef>
#include <functional>

namespace ssj::draw {

// fn(0 … n−1), on up to min(n, cores, 8) threads; returns when all are done.
void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

}  // namespace ssj::draw
