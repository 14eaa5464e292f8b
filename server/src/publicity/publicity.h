// The rules of publication (一公开), as plain functions: what of a reviewed record the public
// sees (no personal data: a natural person's name and ID number masked, no findings text, no
// phone or legal representative), and the deadlines in working days from the policy profile.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "common/error.h"
#include "inspection/inspection_types.h"
#include "policy/policy_types.h"

namespace ssj::publicity {

// 张三 → 张*, 欧阳娜娜 → 欧***; an ID number keeps its first 6 and last 4 characters.
std::string MaskName(const std::string& name);
std::string MaskId(const std::string& id);

// What the portal shows of a record: `summary` (the result categories, 、-joined), `problem`
// (some category says a problem was found), and `content` (items with their method, results and
// handling; follow-up actions; the reason a target could not be inspected).
struct PublicResult {
  std::string summary;
  bool problem = false;
  boost::json::value content;
};
PublicResult ResultOf(const inspection::Record& record,
                      const std::vector<inspection::Category>& categories);

// A deadline of `days` working days counted from `from` (YYYY-MM-DD), as it stands `today`.
// `due` is its date, or nullopt while a year it reaches has no holiday notice yet (in November
// the next year's is often not out): the working days left are still known, since they only
// need the days up to today. `level`: "red" once overdue, "yellow" within 3 working days, else
// "green".
struct Deadline {
  std::string from;
  int64_t days = 0;
  std::optional<std::string> due;
  int64_t days_left = 0;
  std::string level;
};
Result<Deadline> DeadlineOf(const calendar::Calendar& calendar, const std::string& from,
                            int64_t days, const std::string& today);
boost::json::value DeadlineJson(const Deadline& deadline);

// A firm's objection: name and phone of the contact, and what it objects to.
Status CheckObjection(std::string& contact_name, std::string& contact_phone, std::string& content);

}  // namespace ssj::publicity
