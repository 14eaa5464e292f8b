// HTTP routes of the draw ceremony (docs/api.md): commit (freeze and publish the commitment),
// witnesses, the draw with the revealed secret and the public input, confirmation, the record;
// and the portal's task list, commitments and records, each public only from its time.
#pragma once

#include "http/api.h"

namespace ssj::ceremony {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::ceremony
