// HTTP routes of reports and archives (docs/api.md, "Reports and archives"): a task's report
// (read, edit, finalise, export), a target's archive zip and its archiving, and the year's
// summary with its export.
#pragma once

#include "http/api.h"

namespace ssj::report {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::report
