#include "common/clock.h"

#include <gtest/gtest.h>

namespace ssj {
namespace {

TEST(IsoTimeTest, RoundTrip) {
  EXPECT_EQ(FormatIsoMillis(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIsoMillis(1795000000123), "2026-11-18T11:06:40.123Z");
  int64_t millis = 0;
  ASSERT_TRUE(ParseIsoMillis("2026-11-18T11:06:40.123Z", &millis));
  EXPECT_EQ(millis, 1795000000123);
  ASSERT_TRUE(ParseIsoMillis("2026-11-18", &millis));
  EXPECT_EQ(FormatIsoMillis(millis), "2026-11-18T00:00:00.000Z");
  for (const char* bad : {"", "2026-13-01", "2026/11/18", "yesterday", "2026-11-18T25:00:00Z"}) {
    EXPECT_FALSE(ParseIsoMillis(bad, &millis)) << bad;
  }
}

}  // namespace
}  // namespace ssj
