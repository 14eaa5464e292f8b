#include "calendar/calendar_repo.h"

#include <map>

#include "db/database.h"

namespace ssj::calendar::repo {
namespace {

using db::Query;
using db::RowInt;
using db::RowText;

constexpr const char* kSelectYears =
    "SELECT y.year, y.notice_title, y.notice_url, y.entered_by, COALESCE(u.name, ''), "
    "y.entered_at FROM calendar_years y LEFT JOIN users u ON u.id = y.entered_by ORDER BY y.year";
constexpr const char* kSelectDays =
    "SELECT year, day, kind, name FROM calendar_year_days ORDER BY year, day";
// Two writers of the same year: the upsert makes the second wait for the first's row lock
// (PostgreSQL) before it rewrites the days, so the days always belong to one request.
constexpr const char* kUpsertYear =
    "INSERT INTO calendar_years (year, notice_title, notice_url, entered_by, entered_at) VALUES "
    "(:year, :title, :url, :by, :now) ON CONFLICT (year) DO UPDATE SET notice_title = "
    "excluded.notice_title, notice_url = excluded.notice_url, entered_by = excluded.entered_by, "
    "entered_at = excluded.entered_at";
constexpr const char* kDeleteDays = "DELETE FROM calendar_year_days WHERE year = :year";
constexpr const char* kInsertDay =
    "INSERT INTO calendar_year_days (year, day, kind, name) VALUES (:year, :day, :kind, :name)";

}  // namespace

std::vector<YearArrangement> EnteredYears(soci::session& sql) {
  std::map<int, YearArrangement> by_year;
  Query(kSelectYears).ForEach(sql, [&](const soci::row& row) {
    YearArrangement y;
    y.year = static_cast<int>(RowInt(row, 0));
    y.notice_title = RowText(row, 1);
    if (std::string url = RowText(row, 2); !url.empty()) y.notice_urls.push_back(std::move(url));
    y.source = "entered";
    y.entered_by = RowInt(row, 3);
    y.entered_by_name = RowText(row, 4);
    y.entered_at = RowText(row, 5);
    by_year[y.year] = std::move(y);
  });
  Query(kSelectDays).ForEach(sql, [&](const soci::row& row) {
    auto it = by_year.find(static_cast<int>(RowInt(row, 0)));
    if (it == by_year.end()) return;
    if (RowText(row, 2) == "holiday") {
      it->second.holidays.push_back({RowText(row, 1), RowText(row, 3)});
    } else {
      it->second.workdays.push_back(RowText(row, 1));
    }
  });
  std::vector<YearArrangement> out;
  for (auto& [year, arrangement] : by_year) out.push_back(std::move(arrangement));
  return out;
}

std::vector<YearArrangement> YearsInForce(soci::session& sql) {
  return EffectiveYears(ShippedYears(), EnteredYears(sql));
}

std::optional<YearArrangement> YearInForce(soci::session& sql, int year) {
  for (YearArrangement& y : YearsInForce(sql)) {
    if (y.year == year) return std::move(y);
  }
  return std::nullopt;
}

Calendar LoadCalendar(soci::session& sql) { return Calendar(YearsInForce(sql)); }

void SaveYear(soci::session& sql, const YearArrangement& arrangement, int64_t by,
              const std::string& now) {
  Query(kUpsertYear)
      .Bind("year", int64_t{arrangement.year})
      .Bind("title", arrangement.notice_title)
      .Bind("url", arrangement.notice_urls.empty() ? std::string() : arrangement.notice_urls[0])
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
  Query(kDeleteDays).Bind("year", int64_t{arrangement.year}).Exec(sql);
  for (const Holiday& h : arrangement.holidays) {
    Query(kInsertDay)
        .Bind("year", int64_t{arrangement.year})
        .Bind("day", h.date)
        .Bind("kind", "holiday")
        .Bind("name", h.name)
        .Exec(sql);
  }
  for (const std::string& w : arrangement.workdays) {
    Query(kInsertDay)
        .Bind("year", int64_t{arrangement.year})
        .Bind("day", w)
        .Bind("kind", "workday")
        .Bind("name", "")
        .Exec(sql);
  }
}

}  // namespace ssj::calendar::repo
