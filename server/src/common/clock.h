// Time enters through this interface so that tests can fix it (sessions, lockouts, audit times).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace ssj {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch, UTC.
  virtual int64_t NowMillis() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t NowMillis() const override;
};

// A clock tests move by hand.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t start_millis) : now_(start_millis) {}
  int64_t NowMillis() const override { return now_.load(); }
  void Advance(int64_t millis) { now_ += millis; }

 private:
  std::atomic<int64_t> now_;
};

// "2026-11-22T08:30:00.000Z": fixed width, so text order equals time order in both databases.
std::string FormatIsoMillis(int64_t millis);
// The calendar date in China (UTC+8, no daylight saving) as "YYYY-MM-DD": what "today" means
// for certificate validity and deadlines.
std::string ChinaDate(int64_t millis);
// Parses "YYYY-MM-DD" (start of that UTC day) or the format above; false on anything else.
bool ParseIsoMillis(const std::string& text, int64_t* millis);

}  // namespace ssj
