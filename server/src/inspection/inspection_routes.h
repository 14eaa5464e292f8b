// HTTP routes of inspection records (docs/api.md, "Inspection records"): the dictionary, an
// inspector's own records, a task's records, and each change a team makes on the phone, the
// leader's submission and the office's review.
#pragma once

#include "http/api.h"

namespace ssj::inspection {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::inspection
