// Plain types of the working-day calendar: one year's official arrangement (放假调休) as the State
// Council General Office's notice gives it, and what the calendar says about one date. Dates are
// "YYYY-MM-DD" text at the edges and std::chrono::sys_days inside.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace ssj::calendar {

using Date = std::chrono::sys_days;

struct Holiday {
  std::string date;  // YYYY-MM-DD
  std::string name;  // 春节, 国庆节、中秋节 …; may be empty

  bool operator==(const Holiday&) const = default;
};

// What an administrator types in for one notice year (before it is checked).
struct YearInput {
  std::string notice_title;  // 国务院办公厅关于2027年部分节假日安排的通知
  std::string notice_url;    // may be empty
  std::vector<Holiday> holidays;
  std::vector<std::string> workdays;
};

// One notice year's arrangement in force. `year` is the year in the notice's title: the notice
// may also list days at the end of the year before (the 2019 notice covers 2018-12-29..31).
struct YearArrangement {
  int year = 0;
  // Every official day off the notice enumerates, weekend days inside a stated range included,
  // sorted by date.
  std::vector<Holiday> holidays;
  // Weekend days declared working days (调休上班), sorted.
  std::vector<std::string> workdays;
  std::string notice_title;
  std::vector<std::string> notice_urls;
  std::string note;  // shipped years: the data file's remark, if any

  // "shipped" (server/data/cn-holidays.json, compiled in) or "entered" (by an administrator).
  std::string source = "shipped";
  bool overrides_shipped = false;  // entered for a year the shipped data also has
  int64_t entered_by = 0;
  std::string entered_by_name;
  std::string entered_at;
};

enum class DayKind {
  kWorkday,        // an ordinary Monday–Friday
  kWeekend,        // an ordinary Saturday or Sunday
  kHoliday,        // an official day off (法定节假日 or 调休放假)
  kMakeupWorkday,  // a Saturday or Sunday worked instead (调休上班)
};

struct DayInfo {
  Date date;
  DayKind kind = DayKind::kWorkday;
  std::string name;     // the holiday's name, for kHoliday when the data has one
  int notice_year = 0;  // the notice that made it a holiday or workday; 0 for ordinary days

  bool working() const { return kind == DayKind::kWorkday || kind == DayKind::kMakeupWorkday; }
};

}  // namespace ssj::calendar
