// HTTP binding of the organisation module: auth, departments, users, roles, divisions and the
// login log. Handlers only decode, call org/ functions and encode.
#pragma once

#include "http/api.h"

namespace ssj::org {
void RegisterRoutes(http::Router& router);
}
