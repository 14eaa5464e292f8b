// Plain types of the audit log: one entry per state-changing request, chained by SHA-256.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ssj::audit {

// Who did it. user_id is empty for actions of the system itself (migrations, CLI).
struct Actor {
  std::optional<int64_t> user_id;
  std::string username;
  std::optional<int64_t> department_id;
  std::string ip;
};

struct Entry {
  int64_t seq = 0;
  std::string at;  // ISO 8601 UTC, milliseconds
  std::optional<int64_t> user_id;
  std::string username;
  std::optional<int64_t> department_id;
  std::string ip;
  std::string action;                      // "system:user:add", the route's audit tag
  std::string object_type;                 // "user"
  std::string object_id;                   // "42"
  std::optional<std::string> before_json;  // serialised, secrets redacted
  std::optional<std::string> after_json;
  std::string prev_hash;  // hex
  std::string hash;       // hex
};

// What `ssj audit verify` found.
struct VerifyReport {
  bool ok = true;
  int64_t count = 0;    // entries checked
  int64_t bad_seq = 0;  // first bad entry (0 when ok)
  std::string reason;   // zh-CN
};

struct ListFilter {
  std::string username;
  std::string object_type;
  std::string object_id;
  std::string action;
  std::string from;  // ISO time, inclusive
  std::string to;    // ISO time, exclusive
  int64_t page = 1;
  int64_t page_size = 20;
};

}  // namespace ssj::audit
