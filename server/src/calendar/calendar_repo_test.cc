// The calendar's SQL on both backends: an entered year is read back as entered, replacing it
// rewrites its days, and the calendar in force lays entered years over the shipped ones.
#include "calendar/calendar_repo.h"

#include <gtest/gtest.h>

#include "testing/test_db.h"

namespace ssj::calendar {
namespace {

using CalendarRepoTest = testing::DbTest;

YearArrangement Checked(int year, std::vector<Holiday> holidays,
                        std::vector<std::string> workdays) {
  YearInput in;
  in.notice_title = NoticeTitle(year);
  in.notice_url = "https://www.gov.cn/zhengce/example-" + std::to_string(year) + ".htm";
  in.holidays = std::move(holidays);
  in.workdays = std::move(workdays);
  auto out = CheckYear(year, in);
  EXPECT_TRUE(out.ok()) << out.error().message;
  return out.ok() ? out.value() : YearArrangement{};
}

TEST_P(CalendarRepoTest, AnEnteredYearIsReadBackAndReplacedWhole) {
  db::Lease sql = database().Acquire();
  EXPECT_TRUE(repo::EnteredYears(*sql).empty());
  EXPECT_FALSE(repo::LoadCalendar(*sql).Covers(2027));
  EXPECT_TRUE(repo::LoadCalendar(*sql).Covers(2026));

  // A made-up 2027 arrangement (no notice existed when the data was compiled).
  YearArrangement first =
      Checked(2027, {{"2027-01-01", "元旦"}, {"2026-12-31", "元旦"}, {"2027-02-08", "春节"}},
              {"2027-02-20"});
  repo::SaveYear(*sql, first, 0, "2026-11-18T00:00:00.000Z");
  std::vector<YearArrangement> entered = repo::EnteredYears(*sql);
  ASSERT_EQ(entered.size(), 1u);
  const YearArrangement& got = entered[0];
  EXPECT_EQ(got.year, 2027);
  EXPECT_EQ(got.source, "entered");
  EXPECT_EQ(got.notice_title, "国务院办公厅关于2027年部分节假日安排的通知");
  EXPECT_EQ(got.notice_urls,
            (std::vector<std::string>{"https://www.gov.cn/zhengce/example-2027.htm"}));
  EXPECT_EQ(got.holidays,
            (std::vector<Holiday>{
                {"2026-12-31", "元旦"}, {"2027-01-01", "元旦"}, {"2027-02-08", "春节"}}));
  EXPECT_EQ(got.workdays, (std::vector<std::string>{"2027-02-20"}));
  EXPECT_EQ(got.entered_at, "2026-11-18T00:00:00.000Z");

  Calendar calendar = repo::LoadCalendar(*sql);
  EXPECT_TRUE(calendar.Covers(2027));
  EXPECT_EQ(calendar.Day(*ParseDate("2027-02-08"))->kind, DayKind::kHoliday);
  EXPECT_EQ(calendar.Day(*ParseDate("2027-02-20"))->kind, DayKind::kMakeupWorkday);
  EXPECT_EQ(calendar.Day(*ParseDate("2026-12-31"))->notice_year, 2027);

  // Saved again: the days are the new ones only.
  YearArrangement second = Checked(2027, {{"2027-01-01", "元旦"}}, {});
  second.notice_urls.clear();
  repo::SaveYear(*sql, second, 0, "2026-11-19T00:00:00.000Z");
  entered = repo::EnteredYears(*sql);
  ASSERT_EQ(entered.size(), 1u);
  EXPECT_EQ(entered[0].holidays, (std::vector<Holiday>{{"2027-01-01", "元旦"}}));
  EXPECT_TRUE(entered[0].workdays.empty());
  EXPECT_TRUE(entered[0].notice_urls.empty());
  EXPECT_EQ(entered[0].entered_at, "2026-11-19T00:00:00.000Z");
  calendar = repo::LoadCalendar(*sql);
  EXPECT_EQ(calendar.Day(*ParseDate("2027-02-08"))->kind, DayKind::kWorkday);
  EXPECT_EQ(calendar.Day(*ParseDate("2026-12-31"))->kind, DayKind::kWorkday);
}

TEST_P(CalendarRepoTest, AnEnteredYearTakesThePlaceOfTheShippedOne) {
  db::Lease sql = database().Acquire();
  auto shipped = repo::YearInForce(*sql, 2026);
  ASSERT_TRUE(shipped.has_value());
  EXPECT_EQ(shipped->source, "shipped");
  EXPECT_EQ(shipped->holidays.size(), 33u);
  EXPECT_FALSE(repo::YearInForce(*sql, 2027).has_value());

  repo::SaveYear(*sql, Checked(2026, {{"2026-10-01", "国庆节"}}, {}), 0,
                 "2026-11-18T00:00:00.000Z");
  auto replaced = repo::YearInForce(*sql, 2026);
  ASSERT_TRUE(replaced.has_value());
  EXPECT_EQ(replaced->source, "entered");
  EXPECT_TRUE(replaced->overrides_shipped);
  EXPECT_EQ(replaced->holidays.size(), 1u);
  std::vector<YearArrangement> years = repo::YearsInForce(*sql);
  ASSERT_EQ(years.size(), 8u);  // 2019–2026, one of them entered
  EXPECT_EQ(years.front().year, 2019);
  const Calendar calendar = repo::LoadCalendar(*sql);
  EXPECT_EQ(calendar.Day(*ParseDate("2026-10-02"))->kind, DayKind::kWorkday);
  EXPECT_EQ(calendar.Day(*ParseDate("2025-10-02"))->kind, DayKind::kHoliday);  // untouched
}

SSJ_BOTH_BACKENDS(CalendarRepoTest);

}  // namespace
}  // namespace ssj::calendar
