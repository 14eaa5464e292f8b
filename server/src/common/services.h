// What handlers and commands share: the database, the clock and the server's settings. Passed
// explicitly (never a global) so tests can build their own.
#pragma once

#include <cstdint>
#include <string>

namespace ssj {
class Clock;
namespace db {
class Database;
}
namespace exporter {
class ExportJobs;
}

struct SessionPolicy {
  int64_t idle_ms = 30LL * 60 * 1000;           // 30 minutes without a request
  int64_t absolute_ms = 12LL * 60 * 60 * 1000;  // 12 hours after login
  bool secure_cookie = false;                   // set behind HTTPS (nginx)
};

struct Services {
  db::Database* db = nullptr;
  Clock* clock = nullptr;
  exporter::ExportJobs* exports = nullptr;  // background exports; null where there are none
  SessionPolicy session;
  std::string version = SSJ_VERSION;
};

}  // namespace ssj
