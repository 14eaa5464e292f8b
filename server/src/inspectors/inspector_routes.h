// HTTP routes of the inspector directory and the public inspector list (docs/api.md).
#pragma once

#include "http/api.h"

namespace ssj::inspectors {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::inspectors
