// HTTP routes of inspection tasks (抽查任务, docs/api.md): list and read in the caller's data
// scope, drafts, and the pool as it would be frozen (counts per stratum and per exclusion reason,
// with the excluded targets) before anything is committed. The ceremony's routes are in
// ceremony/.
#pragma once

#include "common/error.h"
#include "http/api.h"
#include "task/task_types.h"

namespace ssj::task {

void RegisterRoutes(http::Router& router);

// The task of the request's path in the caller's scope; for a change, its row locked first.
Result<Task> FindTask(http::Request& req, bool for_update = false);

}  // namespace ssj::task
