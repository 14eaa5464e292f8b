// How often one client address may use a route open to everyone (a firm filing an objection):
// at most `limit` requests in each window, counted in the database so that every server process
// and every restart sees the same count. Behind nginx the address is X-Real-IP (trust_proxy).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/error.h"

namespace soci {
class session;
}

namespace ssj::ratelimit {

struct Limit {
  int64_t requests = 0;  // 0: no limit
  int64_t window_ms = 0;
};

// Counts one request of `client` under `scope` at `now_ms`. Over the limit: kTooManyRequests,
// with details.retry_after_seconds (the pipeline turns it into a Retry-After header). The
// caller commits the count whatever the request's outcome: a refused request counts too.
Status Take(soci::session& sql, const std::string& scope, const std::string& client,
            const Limit& limit, int64_t now_ms);

// How long `client` must wait before `scope` takes its requests again, counting nothing:
// nullopt while it is under the limit. For a limit on some of a route's requests only (failed
// logins), which the caller counts with Take when one happens.
std::optional<int64_t> WaitMs(soci::session& sql, const std::string& scope,
                              const std::string& client, const Limit& limit, int64_t now_ms);

}  // namespace ssj::ratelimit
