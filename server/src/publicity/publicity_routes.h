// HTTP routes of publication (docs/api.md, "Publication"): publishing a task's reviewed records,
// the public result search, corrections and their approval, objections from firms and their
// handling, and the deadline dashboard.
#pragma once

#include "http/api.h"

namespace ssj::publicity {

void RegisterRoutes(http::Router& router);

// Objections one client address may file (or try to) per hour.
constexpr int64_t kObjectionsPerHour = 10;

}  // namespace ssj::publicity
