// HTTP routes of the working-day calendar (工作日历, docs/api.md): each date's status, deadline
// arithmetic, the years in force, and an administrator's entry of a year's arrangement.
#pragma once

#include "http/api.h"

namespace ssj::calendar {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::calendar
