// The per-address limit: a window's count, its end, and scopes that count apart (each with its
// own window length), on both backends.
#include "ratelimit/ratelimit.h"

#include <gtest/gtest.h>

#include "testing/test_db.h"

namespace ssj::ratelimit {
namespace {

class RateLimitTest : public testing::DbTest {};

constexpr int64_t kMinute = 60 * 1000;

TEST_P(RateLimitTest, EachScopeCountsInItsOwnWindows) {
  auto lease = database().Acquire();
  soci::session& sql = *lease;
  const Limit hourly{2, 60 * kMinute};
  const Limit short_lived{1, 10 * kMinute};
  int64_t now = clock().NowMillis();
  EXPECT_TRUE(Take(sql, "hourly", "198.51.100.1", hourly, now).ok());
  EXPECT_TRUE(Take(sql, "hourly", "198.51.100.1", hourly, now).ok());
  auto refused = Take(sql, "hourly", "198.51.100.1", hourly, now + kMinute);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kTooManyRequests);
  EXPECT_EQ(refused.error().details.at("retry_after_seconds"), 59 * 60);
  EXPECT_TRUE(Take(sql, "hourly", "198.51.100.2", hourly, now + kMinute).ok());

  // A scope with shorter windows clears its own expired rows, not the hourly ones.
  EXPECT_TRUE(Take(sql, "short", "198.51.100.1", short_lived, now).ok());
  now += 15 * kMinute;
  EXPECT_TRUE(Take(sql, "short", "198.51.100.1", short_lived, now).ok());  // a new window
  EXPECT_FALSE(Take(sql, "hourly", "198.51.100.1", hourly, now).ok());     // still this hour
  now += 45 * kMinute;
  EXPECT_TRUE(Take(sql, "hourly", "198.51.100.1", hourly, now).ok());  // the next hour
}

SSJ_BOTH_BACKENDS(RateLimitTest);

}  // namespace
}  // namespace ssj::ratelimit
