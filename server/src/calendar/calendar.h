// Rules of the working-day calendar (工作日历), pure: mainland public holidays and make-up
// workdays (调休) as the State Council General Office's yearly notices set them, the shipped
// arrangements (server/data/cn-holidays.json, compiled in), the check of an arrangement an
// administrator enters, and working-day arithmetic. A Calendar is an immutable value, safe to
// share between threads.
//
// Conventions for deadlines (期限):
// - AddWorkingDays(D, n) is the n-th working day after D; D itself never counts, whether or not
//   it is a working day. "Within 20 working days from D" (自D起20个工作日内) ends on
//   AddWorkingDays(D, 20).
// - WorkingDaysBetween(from, to) counts the working days in (from, to]: the day after `from`
//   through `to`. So WorkingDaysBetween(D, AddWorkingDays(D, n)) == n.
// A computation that needs a day of a year without a known notice fails with
// calendar.year_not_covered ("2027 年的节假日安排尚未录入…"): guessing would give wrong deadlines.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "calendar/calendar_types.h"
#include "common/error.h"

namespace ssj::calendar {

// The years an administrator may enter.
inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2099;

// "YYYY-MM-DD" of a real date (years 1900–9999), nothing else; nullopt otherwise.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date date);
int YearOf(Date date);
// ISO weekday: 1 = Monday … 7 = Sunday.
int Weekday(Date date);
// 星期一 … 星期日.
std::string WeekdayName(Date date);

// "workday" | "weekend" | "holiday" | "makeup_workday", for the API.
std::string_view KindCode(DayKind kind);
// 工作日 | 休息日 | 节假日 | 调休上班.
std::string_view KindName(DayKind kind);

// The arrangements shipped in server/data/cn-holidays.json, by notice year, read once. The file
// is compiled in: a file that does not parse is a build defect and aborts (std::logic_error).
const std::vector<YearArrangement>& ShippedYears();

// The title every notice has: 国务院办公厅关于2027年部分节假日安排的通知.
std::string NoticeTitle(int year);

// Checks and normalises what an administrator enters for notice year `year`:
// - the year is kMinYear–kMaxYear;
// - a notice title (up to 100 characters) and an optional http(s) URL;
// - at least one holiday; every date is a real YYYY-MM-DD in `year`, or in the last days of
//   December before it (21–31 December: 元旦 breaks start there, e.g. 2018-12-29..31 in the 2019
//   notice), and appears once;
// - make-up workdays fall on a Saturday or Sunday (they replace a weekend day);
// - no date is both a holiday and a workday; holiday names are up to 20 characters.
// The error names the field ("holidays", "workdays", …) and the bad value, in zh-CN. On success
// the days are sorted and the arrangement's source is "entered".
Result<YearArrangement> CheckYear(int year, const YearInput& input);

// The arrangements in force: `entered` years replace the shipped year of the same number,
// and add years the shipped data lacks. Sorted by year.
std::vector<YearArrangement> EffectiveYears(const std::vector<YearArrangement>& shipped,
                                            const std::vector<YearArrangement>& entered);

// calendar.year_not_covered (409) for `year`.
Error NotCovered(int year);

class Calendar {
 public:
  // An empty calendar covers no year.
  Calendar() = default;
  // From the notices in force, at most one per year. Every date of every notice counts (the
  // 2023 notice makes 2022-12-31 a holiday). Where two notices list the same date, the later
  // notice year wins.
  explicit Calendar(const std::vector<YearArrangement>& years);

  // Whether the notice for `year` is known: only then are that year's dates answered. A later
  // notice can still change the last days of December (it did in 2018 and 2022); entering it
  // updates them.
  bool Covers(int year) const { return years_.count(year) > 0; }
  const std::set<int>& Years() const { return years_; }

  // What `date` is. Fails with NotCovered when its year is not covered.
  Result<DayInfo> Day(Date date) const;
  // Weekdays work and weekends rest, unless the notice says otherwise.
  Result<bool> IsWorkingDay(Date date) const;
  // The n-th working day after `from` (n > 0) or before it (n < 0); `from` itself for n = 0.
  // Fails with NotCovered as soon as a day it has to look at is in a year not covered.
  Result<Date> AddWorkingDays(Date from, int64_t n) const;
  // The number of working days in (from, to]; negative (the count in (to, from]) when
  // to < from; 0 when they are equal.
  Result<int64_t> WorkingDaysBetween(Date from, Date to) const;

 private:
  struct Entry {
    bool off = false;
    std::string name;
    int notice_year = 0;
  };
  std::set<int> years_;
  std::unordered_map<int64_t, Entry> days_;  // by days since 1970-01-01
};

}  // namespace ssj::calendar
