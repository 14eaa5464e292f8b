// §7 of the protocol: inspection teams for the selected targets. Phase 1 is a balanced greedy
// over seeded scan orders; phase 2 fills what greedy left with augmenting paths, so a valid
// assignment is found whenever one exists. When none exists, says precisely what is short.
#pragma once

#include <vector>

#include "common/error.h"
#include "draw/draw_types.h"

namespace ssj::draw {

struct Assignment {
  std::vector<TeamResult> teams;                        // target order
  std::vector<std::pair<std::string, uint32_t>> loads;  // non-zero, byte order of id
  uint64_t phase2_slots = 0;
  std::vector<RecusalResult> recusals;
};

// `order`: the selected targets in target order (ticket ascending). The request is valid.
// `replacements`: (replaced code, replacement target) in order (§8), applied before recusals.
Result<Assignment> AssignTeams(const Request& request, const Digest& seed,
                               const std::vector<Target>& order,
                               const std::vector<std::pair<std::string, Target>>& replacements,
                               std::vector<Shortfall>* shortfalls);

}  // namespace ssj::draw
