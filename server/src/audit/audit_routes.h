// HTTP binding of the audit log: the filtered, paginated list.
#pragma once

#include "http/api.h"

namespace ssj::audit {
void RegisterRoutes(http::Router& router);
}
