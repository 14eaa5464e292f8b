// SQL of the working-day calendar: the arrangements administrators entered (migration 0009,
// calendar_years and calendar_year_days), and the calendar in force, which is the shipped data
// with those years laid over it. Read per call: a few hundred rows, so a year entered on one
// server process is in force on every other at once.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/calendar_types.h"

namespace ssj::calendar::repo {

// Every entered year, by year, with who entered it.
std::vector<YearArrangement> EnteredYears(soci::session& sql);

// Shipped and entered years together (EffectiveYears), by year.
std::vector<YearArrangement> YearsInForce(soci::session& sql);
// The arrangement in force for `year`, or nullopt when there is none.
std::optional<YearArrangement> YearInForce(soci::session& sql, int year);

// The calendar every deadline uses.
Calendar LoadCalendar(soci::session& sql);

// Adds notice year `arrangement.year`, or replaces what was entered for it (its days are
// rewritten). `arrangement` must have passed CheckYear. Runs inside the caller's transaction.
void SaveYear(soci::session& sql, const YearArrangement& arrangement, int64_t by,
              const std::string& now);

}  // namespace ssj::calendar::repo
