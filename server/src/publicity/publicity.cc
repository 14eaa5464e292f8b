#include "publicity/publicity.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "common/text.h"
#include "inspection/inspection.h"

namespace ssj::publicity {
namespace {

namespace json = boost::json;
using inspection::Category;

// The first UTF-8 character of `text` and how many follow it.
std::pair<std::string, size_t> Split(const std::string& text) {
  size_t first = 1;
  while (first < text.size() && (static_cast<unsigned char>(text[first]) & 0xC0) == 0x80) ++first;
  return {text.substr(0, std::min(first, text.size())), Utf8Chars(text) - (text.empty() ? 0 : 1)};
}

std::string TextOf(const std::vector<Category>& categories, const std::string& code) {
  for (const Category& c : categories) {
    if (c.code == code) return c.text;
  }
  return code;
}

bool IsProblem(const std::vector<Category>& categories, const std::string& code) {
  for (const Category& c : categories) {
    if (c.code == code) return c.problem;
  }
  return false;
}

}  // namespace

std::string MaskName(const std::string& name) {
  auto [first, rest] = Split(name);
  return first + std::string(rest, '*');
}

std::string MaskId(const std::string& id) {
  if (id.size() <= 10) return std::string(id.size(), '*');
  return id.substr(0, 6) + std::string(id.size() - 10, '*') + id.substr(id.size() - 4);
}

PublicResult ResultOf(const inspection::Record& r, const std::vector<Category>& categories) {
  PublicResult out;
  std::vector<std::string> summary;
  std::set<std::string> seen;
  auto note = [&](const std::string& code) {
    out.problem = out.problem || IsProblem(categories, code);
    if (seen.insert(code).second) summary.push_back(TextOf(categories, code));
  };
  json::array items;
  for (const inspection::RecordItem& i : r.items) {
    json::array results;
    if (r.uninspectable) {
      results.emplace_back(TextOf(categories, *r.uninspectable));
    } else {
      for (const std::string& code : i.result_codes) {
        results.emplace_back(TextOf(categories, code));
        note(code);
      }
    }
    items.push_back({{"code", i.code},
                     {"name", i.name},
                     {"method", i.method},
                     {"results", std::move(results)},
                     {"handling", r.uninspectable ? std::string() : i.handling}});
  }
  if (r.uninspectable) note(*r.uninspectable);
  json::array actions;
  for (const inspection::Action& a : r.actions) {
    actions.push_back({{"kind", a.kind}, {"deadline", a.deadline}});
  }
  for (const std::string& s : summary) out.summary += (out.summary.empty() ? "" : "、") + s;
  out.content = {
      {"items", std::move(items)},
      {"actions", std::move(actions)},
      {"uninspectable",
       r.uninspectable ? json::value(TextOf(categories, *r.uninspectable)) : json::value(nullptr)}};
  return out;
}

Result<Deadline> DeadlineOf(const calendar::Calendar& calendar, const std::string& from,
                            int64_t days, const std::string& today) {
  auto start = calendar::ParseDate(from);
  auto now = calendar::ParseDate(today);
  if (!start || !now) return Error::InvalidField("date", "日期格式应为 YYYY-MM-DD", from);
  Deadline d;
  d.from = from;
  d.days = days;
  if (auto due = calendar.AddWorkingDays(*start, days); due.ok()) {
    d.due = calendar::FormatDate(*due);
  } else if (due.error().code != "calendar.year_not_covered") {
    return due.error();
  }
  int64_t elapsed = 0;
  if (*now > *start) {
    SSJ_ASSIGN(elapsed, calendar.WorkingDaysBetween(*start, *now));
  }
  d.days_left = days - elapsed;
  const bool overdue = d.days_left < 0 || (d.due && today > *d.due);
  if (overdue) d.days_left = std::min<int64_t>(d.days_left, -1);
  d.level = overdue ? "red" : d.days_left <= 3 ? "yellow" : "green";
  return d;
}

json::value DeadlineJson(const Deadline& d) {
  return {{"from", d.from},
          {"days", d.days},
          {"due", d.due ? json::value(*d.due) : nullptr},
          {"days_left", d.days_left},
          {"level", d.level}};
}

Status CheckObjection(std::string& contact_name, std::string& contact_phone, std::string& content) {
  SSJ_TRY(CheckText(contact_name, "contact_name", "联系人", 50, true));
  SSJ_TRY(CheckText(contact_phone, "contact_phone", "联系电话", 40, true));
  SSJ_TRY(CheckText(content, "content", "异议内容", 2000, true));
  return OkStatus();
}

}  // namespace ssj::publicity
