// A task's pool: the targets of its scope, less those the rules exclude (each with its reason),
// in strata, and the engine request it is frozen into. Reads the directory, exemptions and
// earlier draws; writes nothing (the caller stores what it commits).
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <string>

#include "common/error.h"
#include "directory/directory_types.h"
#include "policy/policy_types.h"
#include "task/task_repo.h"
#include "task/task_types.h"

namespace ssj::task {

// Applies the scope and the exclusions in kExclusions order. Fails with task.stratum_missing
// when targets fall in a class the task sets no ratio for.
Result<Pool> BuildPool(soci::session& sql, const Task& task, const policy::Rules& rules);

// The engine request of a committed task, without targets (targets_csv names the pool file),
// secret or public input; its inspectors carry the capacity left to this task.
struct Frozen {
  boost::json::value request;
  std::string pool_file;                                // "T2026-00012-pool.csv"
  std::vector<std::pair<int64_t, int64_t>> capacities;  // inspector id → capacity held
};
Result<Frozen> Freeze(soci::session& sql, const Task& task, const Pool& pool,
                      const std::string& draw_date);

// A target's code in the pool and the record: its USCC or ID number for an organisation or a
// person (B.1); P<id> for a place and G<id> for a product, whose directory codes (a USCC with the
// place's name, a licence number) may be long, hold commas or repeat another kind's code.
std::string PoolCode(const directory::TargetBrief& target);

// The pool CSV's file name in the record.
std::string PoolFileName(const Task& task);

}  // namespace ssj::task
