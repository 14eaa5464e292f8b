// Demo inspection records of a task that has started: most left 待录入 for the teams (among them
// every target the demo inspector zhifa leads), and one each 待审核, 已审核 (with a 责令改正
// follow-up), 退回 (with the office's comment) and 无法开展检查 (住所无法联系, with evidence);
// and published results: one as published, one corrected (two versions), one a firm objects to,
// one with a correction waiting for the head.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace ssj::demo {

// Returns how many records were filled.
int64_t AddInspections(soci::session& sql, int64_t task_id, const std::string& today,
                       const std::string& now, int64_t now_ms);

}  // namespace ssj::demo
