// HTTP routes of the item list (抽查事项清单) and its public list (docs/api.md).
#pragma once

#include "http/api.h"

namespace ssj::catalog {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::catalog
