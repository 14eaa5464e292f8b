// HTTP routes of policy profiles (制度模板, docs/api.md): the policy in force with each value's
// source, the shipped profiles side by side, and an administrator's choice and adjustments.
#pragma once

#include "http/api.h"

namespace ssj::policy {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::policy
