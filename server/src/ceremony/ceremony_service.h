// The ceremony's steps against the database, each in the caller's transaction:
// - Commit (准备): freeze the pool, hold the inspectors' capacity, make the department secret and
//   publish its commitment. The secret is returned once and never stored.
// - Draw (抽取): check the revealed secret and the public input, run the engine, keep the record
//   as `ssj verify` reads it and the drawn targets and teams as rows. A retry with the same
//   secret and input returns the same record; anything else after a draw is refused.
// Commits and draws take one lock (task::repo::LockDraws), so two tasks never count on the same
// capacity or the same yearly allowance of a target.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "ceremony/ceremony.h"
#include "common/error.h"
#include "draw/draw_types.h"
#include "policy/policy_types.h"
#include "task/task_repo.h"
#include "task/task_types.h"

namespace ssj::ceremony {

struct CommitResult {
  std::string secret;  // hex, shown once
  std::string commitment;
  std::string pool_digest;
  int64_t pool_size = 0;
};
// `scheduled_at`: "YYYY-MM-DD HH:MM" (China time), not before `today`.
Result<CommitResult> Commit(soci::session& sql, const task::Task& task, const policy::Rules& rules,
                            const std::string& scheduled_at, const std::string& today, int64_t by,
                            const std::string& now);

struct DrawInput {
  std::string secret;  // hex
  std::string dice;    // digits as entered
};
struct DrawResult {
  boost::json::value record;
  bool repeated = false;  // a retry: the stored record, nothing drawn again
};
Result<DrawResult> Draw(soci::session& sql, const task::Task& task, const policy::Rules& rules,
                        const DrawInput& input, int64_t by, const std::string& now);

// The drawn targets, teams and loads of an outcome as rows; `ids` maps pool codes to targets.
struct DrawRows {
  std::vector<task::repo::DrawnTarget> drawn;
  std::vector<task::repo::TeamSlot> team;
  std::vector<std::pair<int64_t, int64_t>> loads;
};
DrawRows RowsOf(soci::session& sql, const draw::Outcome& outcome,
                const std::unordered_map<std::string, int64_t>& ids);

// Runs the engine again on a drawn task's request (with the replacements and recusals added so
// far) and its frozen pool, and stores the new record and rows. For changes after the draw.
Result<boost::json::value> Rerun(soci::session& sql, const task::Task& task,
                                 const boost::json::value& request);

// Witnesses of a task, in the order recorded.
std::vector<Witness> Witnesses(soci::session& sql, int64_t task_id);
int64_t AddWitness(soci::session& sql, int64_t task_id, const WitnessInput& input, int64_t by,
                   const std::string& now);

// The drawn list with names, teams and reserves for staff and for the portal once public.
boost::json::value DrawnList(soci::session& sql, const task::Task& task);

}  // namespace ssj::ceremony
