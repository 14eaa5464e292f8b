// The working-day calendar without a database: the 2024–2026 notices as shipped (2024-02-04 and
// 2024-02-18 worked, Spring Festival 2025 four statutory days, National Day 2026), the deadline
// conventions, a year without a notice, and the check of what an administrator enters.
#include "calendar/calendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <functional>
#include <set>

#include "common/embedded.h"

namespace ssj::calendar {
namespace {

namespace json = boost::json;

Date D(std::string_view text) {
  auto date = ParseDate(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date.value_or(Date{});
}

const Calendar& Shipped() {
  static const Calendar kCalendar(ShippedYears());
  return kCalendar;
}

DayInfo DayOf(const Calendar& calendar, std::string_view text) {
  auto day = calendar.Day(D(text));
  EXPECT_TRUE(day.ok()) << text << ": " << (day.ok() ? "" : day.error().message);
  return day.ok() ? day.value() : DayInfo{};
}

std::string After(const Calendar& calendar, std::string_view from, int64_t n) {
  auto date = calendar.AddWorkingDays(D(from), n);
  EXPECT_TRUE(date.ok()) << from << " + " << n;
  return date.ok() ? FormatDate(date.value()) : "";
}

int64_t Between(const Calendar& calendar, std::string_view from, std::string_view to) {
  auto count = calendar.WorkingDaysBetween(D(from), D(to));
  EXPECT_TRUE(count.ok()) << from << " .. " << to;
  return count.ok() ? count.value() : -9999;
}

// A made-up arrangement for 2027, the year the shipped data lacks (no notice was published when
// it was compiled). Only its shape matters to the tests.
YearInput Hypothetical2027() {
  YearInput in;
  in.notice_title = "国务院办公厅关于2027年部分节假日安排的通知";
  in.notice_url = "https://www.gov.cn/zhengce/zhengceku/example.htm";
  for (const char* d : {"2027-01-01", "2027-01-02", "2027-01-03"})
    in.holidays.push_back({d, "元旦"});
  for (const char* d : {"2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                        "2027-02-10", "2027-02-11", "2027-02-12"}) {
    in.holidays.push_back({d, "春节"});
  }
  in.workdays = {"2027-01-31", "2027-02-20"};
  return in;
}

TEST(CalendarDatesTest, DatesAreStrictIsoText) {
  for (const char* good : {"2024-02-29", "2026-12-31", "2000-01-01", "1900-03-01"}) {
    auto date = ParseDate(good);
    ASSERT_TRUE(date.has_value()) << good;
    EXPECT_EQ(FormatDate(*date), good);
  }
  for (const char* bad :
       {"", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-05", "2026/01/05", "20260105",
        "2026-01-05T00:00:00Z", " 2026-01-05", "1899-12-31", "２０２６-01-05", "2026-02-3a"}) {
    EXPECT_FALSE(ParseDate(bad).has_value()) << bad;
  }
  EXPECT_EQ(Weekday(D("2024-02-04")), 7);
  EXPECT_EQ(WeekdayName(D("2024-02-04")), "星期日");
  EXPECT_EQ(Weekday(D("2025-02-08")), 6);
  EXPECT_EQ(Weekday(D("2026-10-01")), 4);
  EXPECT_EQ(YearOf(D("2022-12-31")), 2022);
}

TEST(CalendarShippedTest, TheShippedYearsAreThe2019To2026Notices) {
  std::vector<int> years;
  for (const YearArrangement& y : ShippedYears()) years.push_back(y.year);
  EXPECT_EQ(years, (std::vector<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}));
  EXPECT_EQ(Shipped().Years(), (std::set<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}));
  const YearArrangement& y2025 = ShippedYears()[6];
  EXPECT_EQ(y2025.notice_title, "国务院办公厅关于2025年部分节假日安排的通知");
  EXPECT_EQ(y2025.notice_urls,
            (std::vector<std::string>{
                "https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm"}));
  EXPECT_EQ(y2025.source, "shipped");
}

// Every shipped year passes the check an administrator's entry goes through, and the days off
// that fall Monday–Friday are exactly the file's holidaysOnWeekdays.
TEST(CalendarShippedTest, TheShippedDataPassesTheEntryCheckAndAgreesWithItsWeekdayList) {
  std::string_view text;
  for (const auto& [key, content] : embedded::Files()) {
    if (key == "data/cn-holidays.json") text = content;
  }
  const json::value root = json::parse(text);
  const json::array& raw = root.at("years").as_array();
  ASSERT_EQ(raw.size(), ShippedYears().size());
  for (size_t year_idx = 0; year_idx < raw.size(); ++year_idx) {
    const YearArrangement& shipped = ShippedYears()[year_idx];
    YearInput input{shipped.notice_title, shipped.notice_urls[0], shipped.holidays,
                    shipped.workdays};
    auto checked = CheckYear(shipped.year, input);
    ASSERT_TRUE(checked.ok()) << shipped.year << ": " << checked.error().message;
    EXPECT_EQ(checked->holidays, shipped.holidays) << shipped.year;
    EXPECT_EQ(checked->workdays, shipped.workdays) << shipped.year;

    std::set<std::string> on_weekdays;
    for (const json::value& d : raw[year_idx].at("holidaysOnWeekdays").as_array())
      on_weekdays.insert(std::string(d.as_string()));
    std::set<std::string> computed;
    for (const Holiday& h : shipped.holidays) {
      if (Weekday(D(h.date)) <= 5) computed.insert(h.date);
      EXPECT_FALSE(h.name.empty()) << h.date;
    }
    EXPECT_EQ(computed, on_weekdays) << shipped.year;
  }
}

TEST(CalendarShippedTest, SpringFestival2024) {
  const Calendar& c = Shipped();
  // 2024-02-04 and 2024-02-18 are Sundays worked instead (调休上班).
  for (const char* d : {"2024-02-04", "2024-02-18"}) {
    DayInfo day = DayOf(c, d);
    EXPECT_EQ(day.kind, DayKind::kMakeupWorkday) << d;
    EXPECT_TRUE(day.working()) << d;
    EXPECT_EQ(day.notice_year, 2024);
  }
  // 2024-02-10..17 off, the weekend days inside the range included.
  for (Date d = D("2024-02-10"); d <= D("2024-02-17"); d += std::chrono::days{1}) {
    DayInfo day = DayOf(c, FormatDate(d));
    EXPECT_EQ(day.kind, DayKind::kHoliday) << FormatDate(d);
    EXPECT_EQ(day.name, "春节") << FormatDate(d);
    EXPECT_FALSE(c.IsWorkingDay(d).value()) << FormatDate(d);
  }
  // 除夕 (2024-02-09) was only recommended as a day off: officially a working Friday.
  EXPECT_EQ(DayOf(c, "2024-02-09").kind, DayKind::kWorkday);
  EXPECT_EQ(DayOf(c, "2024-02-19").kind, DayKind::kWorkday);
  // 端午 2024-06-10 was one day "与周末连休": the weekend before it is an ordinary weekend.
  EXPECT_EQ(DayOf(c, "2024-06-08").kind, DayKind::kWeekend);
  EXPECT_EQ(DayOf(c, "2024-06-10").kind, DayKind::kHoliday);
  EXPECT_EQ(DayOf(c, "2024-06-10").name, "端午节");
}

TEST(CalendarShippedTest, SpringFestival2025IsFourStatutoryDays) {
  const Calendar& c = Shipped();
  for (Date d = D("2025-01-28"); d <= D("2025-02-04"); d += std::chrono::days{1})
    EXPECT_EQ(DayOf(c, FormatDate(d)).kind, DayKind::kHoliday) << FormatDate(d);
  EXPECT_EQ(DayOf(c, "2025-01-27").kind, DayKind::kWorkday);
  EXPECT_EQ(DayOf(c, "2025-02-05").kind, DayKind::kWorkday);
  EXPECT_EQ(DayOf(c, "2025-01-26").kind, DayKind::kMakeupWorkday);
  EXPECT_EQ(DayOf(c, "2025-02-08").kind, DayKind::kMakeupWorkday);

  // The revised 全国年节及纪念日放假办法 (the data file's "law") makes 春节 four days from 2025
  // (除夕 to 正月初三), three before. An eight-day break made of statutory days, weekends and
  // swapped days costs exactly the statutory days in working days: four whole weeks around
  // Spring Festival 2025 have 20 - 4 working days, three weeks around 2024's have 15 - 3.
  std::string_view text;
  for (const auto& [key, content] : embedded::Files()) {
    if (key == "data/cn-holidays.json") text = content;
  }
  const std::string law(json::parse(text).at("law").as_string());
  EXPECT_NE(law.find("正月初三, 4 days"), std::string::npos) << law;
  EXPECT_EQ(Between(c, "2025-01-19", "2025-02-16"), 20 - 4);  // Sunday to Sunday, 4 weeks
  EXPECT_EQ(Between(c, "2024-02-03", "2024-02-24"), 15 - 3);  // Saturday to Saturday, 3 weeks
  // 劳动节 gained its second statutory day the same year: 5 days off, one Sunday worked.
  EXPECT_EQ(Between(c, "2025-04-26", "2025-05-10"), 10 - 2);
}

TEST(CalendarShippedTest, NationalDay2026) {
  const Calendar& c = Shipped();
  for (Date d = D("2026-10-01"); d <= D("2026-10-07"); d += std::chrono::days{1}) {
    DayInfo day = DayOf(c, FormatDate(d));
    EXPECT_EQ(day.kind, DayKind::kHoliday) << FormatDate(d);
    EXPECT_EQ(day.name, "国庆节");
  }
  EXPECT_EQ(DayOf(c, "2026-09-20").kind, DayKind::kMakeupWorkday);  // Sunday
  EXPECT_EQ(DayOf(c, "2026-10-10").kind, DayKind::kMakeupWorkday);  // Saturday
  EXPECT_EQ(DayOf(c, "2026-10-08").kind, DayKind::kWorkday);
  EXPECT_EQ(DayOf(c, "2026-09-25").name, "中秋节");  // a separate break in 2026
  EXPECT_EQ(After(c, "2026-09-30", 1), "2026-10-08");
  EXPECT_EQ(After(c, "2026-10-08", 1), "2026-10-09");
  EXPECT_EQ(After(c, "2026-10-09", 1), "2026-10-10");  // the Saturday worked
  // 2025: 国庆 and 中秋 merged into one eight-day break.
  EXPECT_EQ(DayOf(c, "2025-10-08").name, "国庆节、中秋节");
}

TEST(CalendarShippedTest, ANoticeMayListTheLastDaysOfTheYearBefore) {
  const Calendar& c = Shipped();
  DayInfo eve = DayOf(c, "2022-12-31");  // from the 2023 notice
  EXPECT_EQ(eve.kind, DayKind::kHoliday);
  EXPECT_EQ(eve.name, "元旦");
  EXPECT_EQ(eve.notice_year, 2023);
  // The 2019 notice's 2018 days do not make 2018 a covered year.
  EXPECT_FALSE(c.Covers(2018));
  EXPECT_EQ(c.Day(D("2018-12-30")).error().code, "calendar.year_not_covered");
}

TEST(CalendarArithmeticTest, AddWorkingDaysAcrossSpringFestival) {
  const Calendar& c = Shipped();
  struct Case {
    const char* from;
    int64_t n;
    const char* want;
  };
  const Case cases[] = {
      {"2025-01-24", 1, "2025-01-26"},   // Friday → the Sunday worked
      {"2025-01-24", 2, "2025-01-27"},   // the last day before the break
      {"2025-01-24", 3, "2025-02-05"},   // over 01-28..02-04
      {"2025-01-24", 5, "2025-02-07"},   //
      {"2025-01-24", 6, "2025-02-08"},   // the Saturday worked
      {"2025-01-27", 1, "2025-02-05"},   //
      {"2025-01-28", 1, "2025-02-05"},   // from inside the break
      {"2025-02-05", -1, "2025-01-27"},  // backwards over it
      {"2025-02-05", -2, "2025-01-26"},  //
      {"2025-02-01", 0, "2025-02-01"},   // n = 0 is the date itself, working or not
      {"2024-02-08", 1, "2024-02-09"},   // 除夕 2024 was a working day
      {"2024-02-09", 1, "2024-02-18"},   // then the break, then the Sunday worked
      {"2024-02-09", 2, "2024-02-19"},   //
      {"2024-01-31", 20, "2024-03-04"},  // a 20-working-day deadline over the break
      {"2025-12-31", 1, "2026-01-04"},   // 元旦 2026: 01-01..03 off, Sunday 01-04 worked
  };
  for (const Case& k : cases) EXPECT_EQ(After(c, k.from, k.n), k.want) << k.from << " + " << k.n;

  // Counting is the inverse: (D, AddWorkingDays(D, n)] holds n working days.
  for (Date from = D("2024-01-01"); from <= D("2026-10-31"); from += std::chrono::days{7}) {
    for (int64_t n : {1, 2, 5, 10, 20, 30}) {
      auto end = c.AddWorkingDays(from, n);
      ASSERT_TRUE(end.ok()) << FormatDate(from) << " + " << n << ": " << end.error().message;
      EXPECT_EQ(c.WorkingDaysBetween(from, *end).value(), n) << FormatDate(from) << " + " << n;
      EXPECT_TRUE(c.IsWorkingDay(*end).value());
      EXPECT_EQ(c.WorkingDaysBetween(*end, from).value(), -n);
    }
  }
  EXPECT_EQ(Between(c, "2025-02-01", "2025-02-01"), 0);
  EXPECT_EQ(Between(c, "2025-01-27", "2025-02-04"), 0);  // the whole break
  // A year's working days: its weekdays, less the weekday holidays, plus the weekend days worked.
  EXPECT_EQ(Between(c, "2024-12-31", "2025-12-31"), 261 - 18 + 5);
  EXPECT_EQ(Between(c, "2023-12-31", "2024-12-31"), 262 - 19 + 8);  // 2024 is a leap year
}

TEST(CalendarArithmeticTest, AYearWithoutANoticeIsAnErrorNotAGuess) {
  const Calendar& c = Shipped();
  EXPECT_FALSE(c.Covers(2027));
  auto day = c.IsWorkingDay(D("2027-03-01"));
  ASSERT_FALSE(day.ok());
  EXPECT_EQ(day.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(day.error().code, "calendar.year_not_covered");
  EXPECT_NE(day.error().message.find("2027 年的节假日安排尚未录入"), std::string::npos)
      << day.error().message;
  EXPECT_EQ(day.error().details.at("year"), 2027);

  // A deadline that runs into 2027 fails; one that ends in 2026 does not.
  EXPECT_EQ(After(c, "2026-12-25", 4), "2026-12-31");
  auto late = c.AddWorkingDays(D("2026-12-25"), 5);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().details.at("year"), 2027);
  auto count = c.WorkingDaysBetween(D("2026-12-01"), D("2027-01-10"));
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.error().code, "calendar.year_not_covered");
  auto before = c.WorkingDaysBetween(D("2019-01-10"), D("2018-12-20"));
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().details.at("year"), 2018);
  EXPECT_FALSE(Calendar().IsWorkingDay(D("2026-01-05")).ok());
}

TEST(CalendarArithmeticTest, AnEnteredYearExtendsAndReplacesTheShippedOnes) {
  auto y2027 = CheckYear(2027, Hypothetical2027());
  ASSERT_TRUE(y2027.ok()) << y2027.error().message;
  std::vector<YearArrangement> years = EffectiveYears(ShippedYears(), {*y2027});
  ASSERT_EQ(years.size(), 9u);
  EXPECT_EQ(years.back().year, 2027);
  EXPECT_EQ(years.back().source, "entered");
  EXPECT_FALSE(years.back().overrides_shipped);
  const Calendar c(years);
  EXPECT_TRUE(c.Covers(2027));
  EXPECT_EQ(After(c, "2026-12-25", 5), "2027-01-04");
  EXPECT_EQ(After(c, "2026-12-25", 10), "2027-01-11");
  EXPECT_EQ(After(c, "2027-02-04", 1), "2027-02-15");
  EXPECT_EQ(DayOf(c, "2027-01-31").kind, DayKind::kMakeupWorkday);

  // An entered year replaces the shipped one of the same number, entirely.
  YearInput corrected = Hypothetical2027();
  corrected.notice_title = NoticeTitle(2026);
  corrected.holidays = {{"2026-10-01", "国庆节"}};
  corrected.workdays = {};
  auto y2026 = CheckYear(2026, corrected);
  ASSERT_TRUE(y2026.ok()) << y2026.error().message;
  years = EffectiveYears(ShippedYears(), {*y2026});
  EXPECT_TRUE(years[7].overrides_shipped);
  const Calendar replaced(years);
  EXPECT_EQ(DayOf(replaced, "2026-10-02").kind, DayKind::kWorkday);
  EXPECT_EQ(DayOf(replaced, "2026-10-10").kind, DayKind::kWeekend);
  EXPECT_EQ(DayOf(replaced, "2026-10-01").kind, DayKind::kHoliday);
}

TEST(CalendarCheckTest, AGoodEntryIsNormalised) {
  YearInput in = Hypothetical2027();
  std::reverse(in.holidays.begin(), in.holidays.end());
  in.holidays.push_back({" 2026-12-31 ", " 元旦 "});  // 21–31 December of the year before
  in.notice_url = "";
  auto out = CheckYear(2027, in);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->year, 2027);
  EXPECT_EQ(out->source, "entered");
  EXPECT_EQ(out->holidays.front(), (Holiday{"2026-12-31", "元旦"}));
  EXPECT_EQ(out->holidays.back().date, "2027-02-12");
  EXPECT_EQ(out->holidays.size(), 12u);
  EXPECT_TRUE(out->notice_urls.empty());
}

TEST(CalendarCheckTest, BadEntriesNameTheFieldAndTheValue) {
  struct Case {
    const char* what;
    int year;
    std::function<void(YearInput&)> change;
    const char* field;
    const char* value;  // "" when the error names no value
    const char* message_part;
  };
  const Case cases[] = {
      {"year too early", 1999, [](YearInput&) {}, "year", "1999", "2000–2099"},
      {"no title", 2027, [](YearInput& in) { in.notice_title = "  "; }, "notice_title", "",
       "通知标题"},
      {"bad url", 2027, [](YearInput& in) { in.notice_url = "www.gov.cn/x"; }, "notice_url",
       "www.gov.cn/x", "http://"},
      {"no holidays", 2027, [](YearInput& in) { in.holidays.clear(); }, "holidays", "",
       "至少录入一个放假日期"},
      {"not a date", 2027, [](YearInput& in) { in.holidays[1].date = "2027-02-30"; }, "holidays",
       "2027-02-30", "“2027-02-30”不是有效日期"},
      {"another year", 2027, [](YearInput& in) { in.holidays[1].date = "2026-11-30"; }, "holidays",
       "2026-11-30", "2026-11-30 不属于 2027 年的安排"},
      {"too early in December", 2027, [](YearInput& in) { in.workdays[0] = "2026-12-20"; },
       "workdays", "2026-12-20", "不属于 2027 年"},
      {"the year after", 2027, [](YearInput& in) { in.holidays[0].date = "2028-01-01"; },
       "holidays", "2028-01-01", "不属于 2027 年"},
      {"twice", 2027, [](YearInput& in) { in.holidays[1].date = "2027-01-01"; }, "holidays",
       "2027-01-01", "2027-01-01 重复出现"},
      {"a weekday worked", 2027, [](YearInput& in) { in.workdays.push_back("2027-02-03"); },
       "workdays", "2027-02-03", "2027-02-03 是星期三"},
      {"both off and worked", 2027, [](YearInput& in) { in.workdays.push_back("2027-02-06"); },
       "workdays", "2027-02-06", "2027-02-06 同时出现在放假日期和调休上班日期中"},
      {"long name", 2027,
       [](YearInput& in) { in.holidays[0].name = "中华人民共和国成立纪念日暨国庆节和中秋节假期"; },
       "holidays", "2027-01-01", "过长"},
  };
  for (const Case& k : cases) {
    YearInput in = Hypothetical2027();
    k.change(in);
    auto out = CheckYear(k.year, in);
    ASSERT_FALSE(out.ok()) << k.what;
    const Error& e = out.error();
    EXPECT_EQ(e.kind, ErrorKind::kInvalidArgument) << k.what;
    EXPECT_EQ(e.details.at("field"), k.field) << k.what;
    if (*k.value) {
      EXPECT_EQ(e.details.at("value"), k.value) << k.what;
    } else {
      EXPECT_FALSE(e.details.contains("value")) << k.what;
    }
    EXPECT_NE(e.message.find(k.message_part), std::string::npos) << k.what << ": " << e.message;
  }
}

}  // namespace
}  // namespace ssj::calendar
