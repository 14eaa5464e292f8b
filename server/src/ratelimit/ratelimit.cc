#include "ratelimit/ratelimit.h"

#include <soci/soci.h>

#include "db/database.h"

namespace ssj::ratelimit {

Status Take(soci::session& sql, const std::string& scope, const std::string& client,
            const Limit& limit, int64_t now_ms) {
  if (limit.requests <= 0) return OkStatus();
  const int64_t expired = now_ms - limit.window_ms;  // a window that started by then is over
  // Only this scope's: another may count in longer windows.
  db::Query("DELETE FROM rate_limits WHERE scope = :scope AND window_start_ms <= :expired")
      .Bind("scope", scope)
      .Bind("expired", expired)
      .Exec(sql);
  // One statement counts and reads the count, so two requests at once cannot read the same one.
  int64_t hits = 0, started = now_ms;
  db::Query(
      "INSERT INTO rate_limits (scope, client, window_start_ms, hits) VALUES (:scope, :client, "
      ":now, 1) ON CONFLICT (scope, client) DO UPDATE SET hits = rate_limits.hits + 1 "
      "RETURNING hits, window_start_ms")
      .Bind("scope", scope)
      .Bind("client", client)
      .Bind("now", now_ms)
      .ForEach(sql, [&](const soci::row& row) {
        hits = db::RowInt(row, 0);
        started = db::RowInt(row, 1);
      });
  if (hits <= limit.requests) return OkStatus();
  return Error::TooManyRequests("rate.limited", "提交过于频繁", started + limit.window_ms - now_ms);
}

std::optional<int64_t> WaitMs(soci::session& sql, const std::string& scope,
                              const std::string& client, const Limit& limit, int64_t now_ms) {
  if (limit.requests <= 0) return std::nullopt;
  std::optional<int64_t> wait;
  db::Query(
      "SELECT hits, window_start_ms FROM rate_limits WHERE scope = :scope AND client = :client "
      "AND window_start_ms > :expired")
      .Bind("scope", scope)
      .Bind("client", client)
      .Bind("expired", now_ms - limit.window_ms)
      .ForEach(sql, [&](const soci::row& row) {
        if (db::RowInt(row, 0) >= limit.requests)
          wait = db::RowInt(row, 1) + limit.window_ms - now_ms;
      });
  return wait;
}

}  // namespace ssj::ratelimit
