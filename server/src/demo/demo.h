// `ssj demo`: a deterministic, realistic data set for trying ssj and for the browser tests.
// The foundation contributes the organisation (重庆市经信委, its 处室, two district offices),
// roles and one user per role. Later modules add their own data here.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "common/services.h"

namespace ssj::demo {

struct DemoLogin {
  std::string username;
  std::string password;
  std::string role;
  std::string department;
};

// Targets the demo puts in the directory.
inline constexpr int64_t kDemoTargets = 5000;

struct DemoReport {
  bool already_present = false;
  std::vector<DemoLogin> logins;
  int departments = 0;
  int64_t targets = 0;  // demo targets added to the directory
  int64_t places_and_products = 0;
  int64_t inspectors = 0;  // demo people added to the inspector directory
  int64_t plans = 0;
  int64_t tasks = 0;
  int64_t records = 0;         // inspection records filled in
  std::string pending_task;    // a committed task awaiting its ceremony
  std::string pending_secret;  // its department secret, for the demo user
};

// Loads the demo once (later calls change nothing) with `targets` demo targets in the directory.
Result<DemoReport> Run(const Services& services, int64_t targets = kDemoTargets);

// The demo logins (also printed by scripts/run).
const std::vector<DemoLogin>& Logins();

}  // namespace ssj::demo
