// SQL of the audit log. Append is the only write; there is no update or delete path. Append
// must run inside the caller's transaction, so the entry commits or rolls back with the change.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <functional>
#include <vector>

#include "audit/audit_types.h"
#include "common/error.h"

namespace ssj::audit {

struct Change {
  std::string action;
  std::string object_type;
  std::string object_id;
  boost::json::value before;  // null: none
  boost::json::value after;
};

// Appends one entry (secrets redacted) and advances audit_head. Locks the head row, which
// serialises concurrent appenders until the caller's transaction ends.
Entry Append(soci::session& sql, const Actor& actor, const Change& change, int64_t now_millis);

// Walks the whole chain in seq order; `progress` is called every 10 000 entries.
VerifyReport Verify(soci::session& sql, const std::function<void(int64_t)>& progress = {});

struct Page {
  std::vector<Entry> items;
  int64_t total = 0;
};
Page List(soci::session& sql, const ListFilter& filter);

}  // namespace ssj::audit
