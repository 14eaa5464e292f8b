// Demo plans and tasks: 节能与综合利用处's published annual plan for this year, and three tasks in
// the states a user meets first — a joint task drawn, confirmed and being inspected (its record
// public from today, its inspection records in each state), a task committed with its ceremony
// three days ahead, and a draft. The committed task's department secret is returned, so a demo user
// can hold its ceremony.
#pragma once

#include <cstdint>
#include <string>

#include "common/error.h"
#include "db/database.h"

namespace ssj::demo {

struct DemoTasks {
  int64_t plans = 0;
  int64_t tasks = 0;
  std::string pending_task;    // the committed task's code
  std::string pending_secret;  // and its department secret
  int64_t records = 0;         // inspection records filled in (the rest wait for their teams)
};

// Adds them when the directory has targets and no task exists yet.
Result<DemoTasks> AddPlansAndTasks(soci::session& sql, db::Backend backend, int64_t now_ms);

}  // namespace ssj::demo
