#include "calendar/calendar.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "common/embedded.h"
#include "common/text.h"

namespace ssj::calendar {
namespace {

namespace json = boost::json;
using std::chrono::days;

constexpr std::string_view kDataFile = "data/cn-holidays.json";

int64_t DayNumber(Date date) { return date.time_since_epoch().count(); }

std::string Trim(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// Characters, not bytes, of UTF-8 text: what a person counts in a name.
// At most 32 bytes of `text`, cut at a character boundary: for echoing a bad value back.
std::string Shorten(std::string_view text) {
  if (text.size() <= 32) return std::string(text);
  size_t end = 32;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

const json::value& Field(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v) throw std::logic_error(std::string(kDataFile) + " lacks \"" + std::string(key) + "\"");
  return *v;
}

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  for (const json::value& item : v.as_array()) out.emplace_back(item.as_string());
  return out;
}

std::vector<YearArrangement> ParseShipped() {
  std::string_view text;
  for (const auto& [key, content] : embedded::Files()) {
    if (key == kDataFile) text = content;
  }
  if (text.empty()) throw std::logic_error(std::string(kDataFile) + " is not embedded");
  const json::value root = json::parse(text);
  std::vector<YearArrangement> out;
  for (const json::value& entry : Field(root.as_object(), "years").as_array()) {
    const json::object& o = entry.as_object();
    YearArrangement year;
    year.year = static_cast<int>(Field(o, "year").as_int64());
    const json::object& names = Field(o, "holidayNames").as_object();
    for (const std::string& date : Strings(Field(o, "holidays"))) {
      const json::value* name = names.if_contains(date);
      year.holidays.push_back({date, name ? std::string(name->as_string()) : std::string()});
    }
    year.workdays = Strings(Field(o, "workdays"));
    year.notice_title = NoticeTitle(year.year);
    year.notice_urls = Strings(Field(o, "noticeUrls"));
    if (const json::value* note = o.if_contains("note")) year.note = note->as_string();
    for (const Holiday& h : year.holidays) {
      if (!ParseDate(h.date)) throw std::logic_error("bad date in " + std::string(kDataFile));
    }
    for (const std::string& d : year.workdays) {
      if (!ParseDate(d)) throw std::logic_error("bad date in " + std::string(kDataFile));
    }
    std::sort(year.holidays.begin(), year.holidays.end(),
              [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
    std::sort(year.workdays.begin(), year.workdays.end());
    out.push_back(std::move(year));
  }
  std::sort(out.begin(), out.end(),
            [](const YearArrangement& a, const YearArrangement& b) { return a.year < b.year; });
  return out;
}

// The first day a notice for `year` may list: 21 December of the year before.
Date FirstAllowed(int year) {
  return std::chrono::sys_days{std::chrono::year{year - 1} / std::chrono::December / 21};
}
Date LastAllowed(int year) {
  return std::chrono::sys_days{std::chrono::year{year} / std::chrono::December / 31};
}

// A date of the arrangement for `year`: a real date inside the notice's span.
Result<Date> CheckDate(int year, const std::string& field, const std::string& label,
                       const std::string& text) {
  auto date = ParseDate(text);
  if (!date) {
    return Error::InvalidField(
        field, label + "“" + Shorten(text) + "”不是有效日期，应为 YYYY-MM-DD 格式", Shorten(text));
  }
  if (*date < FirstAllowed(year) || *date > LastAllowed(year)) {
    const std::string y = std::to_string(year);
    return Error::InvalidField(field,
                               label + " " + text + " 不属于 " + y + " 年的安排：只能是 " + y +
                                   " 年内的日期，或紧接元旦假期的 " + std::to_string(year - 1) +
                                   " 年 12 月 21–31 日",
                               text);
  }
  return *date;
}

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  auto number = [&](size_t pos, size_t len) {
    int n = 0;
    for (size_t i = pos; i < pos + len; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  const int y = number(0, 4);
  if (y < 1900) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                        std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string FormatDate(Date date) {
  const std::chrono::year_month_day ymd{date};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int YearOf(Date date) { return static_cast<int>(std::chrono::year_month_day{date}.year()); }

int Weekday(Date date) { return static_cast<int>(std::chrono::weekday{date}.iso_encoding()); }

std::string WeekdayName(Date date) {
  static const char* const kNames[] = {"星期一", "星期二", "星期三", "星期四",
                                       "星期五", "星期六", "星期日"};
  return kNames[Weekday(date) - 1];
}

std::string_view KindCode(DayKind kind) {
  switch (kind) {
    case DayKind::kWorkday:
      return "workday";
    case DayKind::kWeekend:
      return "weekend";
    case DayKind::kHoliday:
      return "holiday";
    case DayKind::kMakeupWorkday:
      return "makeup_workday";
  }
  return "workday";
}

std::string_view KindName(DayKind kind) {
  switch (kind) {
    case DayKind::kWorkday:
      return "工作日";
    case DayKind::kWeekend:
      return "休息日";
    case DayKind::kHoliday:
      return "节假日";
    case DayKind::kMakeupWorkday:
      return "调休上班";
  }
  return "工作日";
}

const std::vector<YearArrangement>& ShippedYears() {
  static const std::vector<YearArrangement> kYears = ParseShipped();
  return kYears;
}

std::string NoticeTitle(int year) {
  return "国务院办公厅关于" + std::to_string(year) + "年部分节假日安排的通知";
}

Result<YearArrangement> CheckYear(int year, const YearInput& input) {
  if (year < kMinYear || year > kMaxYear) {
    return Error::InvalidField(
        "year",
        "年份应为 " + std::to_string(kMinYear) + "–" + std::to_string(kMaxYear) + " 之间的整数",
        std::to_string(year));
  }
  YearArrangement out;
  out.year = year;
  out.source = "entered";

  out.notice_title = Trim(input.notice_title);
  if (out.notice_title.empty())
    return Error::InvalidField("notice_title", "请填写通知标题，如：" + NoticeTitle(year));
  if (Utf8Chars(out.notice_title) > 100)
    return Error::InvalidField("notice_title", "通知标题过长（最多 100 个字）");
  const std::string url = Trim(input.notice_url);
  if (!url.empty()) {
    if ((!url.starts_with("http://") && !url.starts_with("https://")) || url.size() > 500 ||
        url.find_first_of(" \t\r\n") != std::string::npos) {
      return Error::InvalidField("notice_url", "通知网址应以 http:// 或 https:// 开头",
                                 Shorten(url));
    }
    out.notice_urls.push_back(url);
  }

  if (input.holidays.empty()) return Error::InvalidField("holidays", "请至少录入一个放假日期");
  if (input.holidays.size() > 100)
    return Error::InvalidField("holidays", "放假日期过多（最多 100 个）");
  if (input.workdays.size() > 50)
    return Error::InvalidField("workdays", "调休上班日期过多（最多 50 个）");

  std::set<std::string> off;
  for (const Holiday& h : input.holidays) {
    const std::string text = Trim(h.date);
    SSJ_ASSIGN(Date date, CheckDate(year, "holidays", "放假日期", text));
    const std::string normal = FormatDate(date);
    if (!off.insert(normal).second)
      return Error::InvalidField("holidays", "放假日期 " + normal + " 重复出现", normal);
    std::string name = Trim(h.name);
    if (Utf8Chars(name) > 20)
      return Error::InvalidField("holidays", "节日名称“" + Shorten(name) + "”过长（最多 20 个字）",
                                 normal);
    out.holidays.push_back({normal, std::move(name)});
  }
  std::set<std::string> on;
  for (const std::string& raw : input.workdays) {
    const std::string text = Trim(raw);
    SSJ_ASSIGN(Date date, CheckDate(year, "workdays", "调休上班日期", text));
    const std::string normal = FormatDate(date);
    if (!on.insert(normal).second)
      return Error::InvalidField("workdays", "调休上班日期 " + normal + " 重复出现", normal);
    if (Weekday(date) < 6) {
      return Error::InvalidField("workdays",
                                 "调休上班日期 " + normal + " 是" + WeekdayName(date) +
                                     "，本来就是工作日；调休上班日只能是周六或周日",
                                 normal);
    }
    if (off.count(normal)) {
      return Error::InvalidField(
          "workdays", normal + " 同时出现在放假日期和调休上班日期中，请确认是放假还是上班", normal);
    }
    out.workdays.push_back(normal);
  }
  std::sort(out.holidays.begin(), out.holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  std::sort(out.workdays.begin(), out.workdays.end());
  return out;
}

std::vector<YearArrangement> EffectiveYears(const std::vector<YearArrangement>& shipped,
                                            const std::vector<YearArrangement>& entered) {
  std::map<int, YearArrangement> by_year;
  for (const YearArrangement& y : shipped) by_year[y.year] = y;
  for (const YearArrangement& y : entered) {
    YearArrangement copy = y;
    copy.overrides_shipped = by_year.count(y.year) > 0;
    by_year[y.year] = std::move(copy);
  }
  std::vector<YearArrangement> out;
  for (auto& [year, arrangement] : by_year) out.push_back(std::move(arrangement));
  return out;
}

Error NotCovered(int year) {
  const std::string y = std::to_string(year);
  Error e{ErrorKind::kConflict,
          "calendar.year_not_covered",
          y + " 年的节假日安排尚未录入，无法按工作日计算。请系统管理员在“工作日历”中按《" +
              NoticeTitle(year) + "》录入",
          {}};
  e.details["year"] = year;
  return e;
}

Calendar::Calendar(const std::vector<YearArrangement>& years) {
  std::vector<const YearArrangement*> ordered;
  for (const YearArrangement& y : years) ordered.push_back(&y);
  std::sort(ordered.begin(), ordered.end(),
            [](const YearArrangement* a, const YearArrangement* b) { return a->year < b->year; });
  for (const YearArrangement* y : ordered) {
    years_.insert(y->year);
    for (const Holiday& h : y->holidays) {
      if (auto date = ParseDate(h.date)) days_[DayNumber(*date)] = Entry{true, h.name, y->year};
    }
    for (const std::string& w : y->workdays) {
      if (auto date = ParseDate(w)) days_[DayNumber(*date)] = Entry{false, "", y->year};
    }
  }
}

Result<DayInfo> Calendar::Day(Date date) const {
  const int year = YearOf(date);
  if (!Covers(year)) return NotCovered(year);
  DayInfo info;
  info.date = date;
  auto it = days_.find(DayNumber(date));
  if (it != days_.end()) {
    info.kind = it->second.off ? DayKind::kHoliday : DayKind::kMakeupWorkday;
    info.name = it->second.name;
    info.notice_year = it->second.notice_year;
  } else {
    info.kind = Weekday(date) <= 5 ? DayKind::kWorkday : DayKind::kWeekend;
  }
  return info;
}

Result<bool> Calendar::IsWorkingDay(Date date) const {
  SSJ_ASSIGN(DayInfo info, Day(date));
  return info.working();
}

Result<Date> Calendar::AddWorkingDays(Date from, int64_t n) const {
  const days step{n < 0 ? -1 : 1};
  Date date = from;
  for (int64_t found = 0; found < (n < 0 ? -n : n);) {
    date += step;
    SSJ_ASSIGN(bool working, IsWorkingDay(date));
    if (working) ++found;
  }
  return date;
}

Result<int64_t> Calendar::WorkingDaysBetween(Date from, Date to) const {
  if (to < from) {
    SSJ_ASSIGN(int64_t count, WorkingDaysBetween(to, from));
    return -count;
  }
  int64_t count = 0;
  for (Date date = from + days{1}; date <= to; date += days{1}) {
    SSJ_ASSIGN(bool working, IsWorkingDay(date));
    if (working) ++count;
  }
  return count;
}

}  // namespace ssj::calendar
