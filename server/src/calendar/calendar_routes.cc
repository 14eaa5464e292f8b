#include "calendar/calendar_routes.h"

#include <boost/json.hpp>

#include "calendar/calendar.h"
#include "calendar/calendar_repo.h"
#include "common/clock.h"
#include "http/pipeline.h"
#include "org/org_types.h"

namespace ssj::calendar {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

// A date list covers at most a leap year: the page shows one year at a time.
constexpr int64_t kMaxListDays = 366;
// Deadlines are counted in days or months of working days, never decades.
constexpr int64_t kMaxOffset = 1000;

json::array StringArray(const std::vector<std::string>& values) {
  json::array out;
  for (const std::string& v : values) out.emplace_back(v);
  return out;
}

json::value ToJson(const YearArrangement& y) {
  json::array holidays;
  for (const Holiday& h : y.holidays) holidays.push_back({{"date", h.date}, {"name", h.name}});
  return {{"year", y.year},
          {"source", y.source},
          {"overrides_shipped", y.overrides_shipped},
          {"notice_title", y.notice_title},
          {"notice_urls", StringArray(y.notice_urls)},
          {"note", y.note},
          {"holidays", std::move(holidays)},
          {"workdays", StringArray(y.workdays)},
          {"entered_by", y.entered_by_name},
          {"entered_at", y.entered_at}};
}

json::value ToJson(const DayInfo& day) {
  json::object o{{"date", FormatDate(day.date)},    {"weekday", Weekday(day.date)},
                 {"working", day.working()},        {"kind", KindCode(day.kind)},
                 {"kind_name", KindName(day.kind)}, {"name", day.name}};
  if (day.notice_year) o["notice_year"] = day.notice_year;
  return o;
}

Result<Date> DateParam(const Request& req, std::string_view name) {
  const std::string text = req.Query(name);
  if (text.empty())
    return Error::InvalidField(std::string(name), "缺少参数 " + std::string(name) + "（日期）");
  auto date = ParseDate(text);
  if (!date) {
    return Error::InvalidField(std::string(name),
                               "参数 " + std::string(name) + " 应为 YYYY-MM-DD 格式的日期",
                               text.substr(0, 32));
  }
  return *date;
}

Result<Response> HandleDays(Request& req) {
  SSJ_ASSIGN(Date from, DateParam(req, "from"));
  SSJ_ASSIGN(Date to, DateParam(req, "to"));
  if (to < from) return Error::InvalidField("to", "结束日期不能早于开始日期", FormatDate(to));
  if ((to - from).count() + 1 > kMaxListDays)
    return Error::InvalidField("to", "一次最多查询 366 天", FormatDate(to));
  const Calendar calendar = repo::LoadCalendar(*req.sql);
  json::array days;
  int64_t working = 0;
  for (Date date = from; date <= to; date += std::chrono::days{1}) {
    SSJ_ASSIGN(DayInfo day, calendar.Day(date));
    if (day.working()) ++working;
    days.push_back(ToJson(day));
  }
  return JsonResponse({{"from", FormatDate(from)},
                       {"to", FormatDate(to)},
                       {"working_days", working},
                       {"days", std::move(days)}});
}

Result<Response> HandleWorkingDays(Request& req) {
  SSJ_ASSIGN(Date from, DateParam(req, "from"));
  const std::string n_text = req.Query("n");
  const bool has_to = !req.Query("to").empty();
  if (n_text.empty() == !has_to)
    return Error::InvalidField("n", "请给出 n（推算第 n 个工作日）或 to（统计工作日天数）之一");
  const Calendar calendar = repo::LoadCalendar(*req.sql);
  if (has_to) {
    SSJ_ASSIGN(Date to, DateParam(req, "to"));
    SSJ_ASSIGN(int64_t count, calendar.WorkingDaysBetween(from, to));
    return JsonResponse(
        {{"from", FormatDate(from)}, {"to", FormatDate(to)}, {"working_days", count}});
  }
  const bool negative = n_text[0] == '-';
  const std::string digits = negative ? n_text.substr(1) : n_text;
  if (digits.empty() || digits.size() > 4 ||
      digits.find_first_not_of("0123456789") != std::string::npos ||
      std::stoll(digits) > kMaxOffset) {
    return Error::InvalidField("n", "n 应为 -1000–1000 之间的整数", n_text.substr(0, 32));
  }
  const int64_t n = negative ? -std::stoll(digits) : std::stoll(digits);
  SSJ_ASSIGN(Date date, calendar.AddWorkingDays(from, n));
  return JsonResponse({{"from", FormatDate(from)},
                       {"n", n},
                       {"date", FormatDate(date)},
                       {"weekday", Weekday(date)}});
}

Result<Response> HandleYears(Request& req) {
  json::array items;
  json::array years;
  for (const YearArrangement& y : repo::YearsInForce(*req.sql)) {
    items.push_back(ToJson(y));
    years.emplace_back(y.year);
  }
  return JsonResponse({{"items", std::move(items)},
                       {"years", std::move(years)},
                       {"min_year", kMinYear},
                       {"max_year", kMaxYear}});
}

// The body of PUT /calendar/years/{year}: holidays as dates or {date, name}, workdays as dates.
Result<YearInput> ReadYearInput(const json::value& body) {
  if (!body.is_object())
    return Error::InvalidField("holidays",
                               "请求体应为 JSON 对象（notice_title、holidays、workdays）");
  YearInput input;
  SSJ_ASSIGN(input.notice_title, http::StringField(body, "notice_title", false, 1000));
  SSJ_ASSIGN(input.notice_url, http::StringField(body, "notice_url", false, 1000));
  const json::value* holidays = body.get_object().if_contains("holidays");
  if (holidays && !holidays->is_null()) {
    const char* kShape = "字段 holidays 应为数组，每项为日期（YYYY-MM-DD）或 {date, name}";
    if (!holidays->is_array()) return Error::InvalidField("holidays", kShape);
    for (const json::value& item : holidays->get_array()) {
      if (item.is_string()) {
        input.holidays.push_back({std::string(item.get_string()), ""});
        continue;
      }
      const json::object* o = item.if_object();
      const json::value* date = o ? o->if_contains("date") : nullptr;
      const json::value* name = o ? o->if_contains("name") : nullptr;
      if (!date || !date->is_string() || (name && !name->is_null() && !name->is_string()))
        return Error::InvalidField("holidays", kShape, json::serialize(item).substr(0, 32));
      input.holidays.push_back({std::string(date->get_string()),
                                name && name->is_string() ? std::string(name->get_string()) : ""});
    }
  }
  SSJ_ASSIGN(input.workdays, http::StringArrayField(body, "workdays"));
  return input;
}

Result<int> YearParam(const Request& req) {
  auto it = req.path_params.find("year");
  const std::string text = it == req.path_params.end() ? std::string() : it->second;
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
    return Error::InvalidField("year", "年份应为四位数字，如 2027", text.substr(0, 32));
  return std::stoi(text);
}

Result<Response> HandleSaveYear(Request& req) {
  SSJ_ASSIGN(int year, YearParam(req));
  SSJ_ASSIGN(YearInput input, ReadYearInput(req.body));
  SSJ_ASSIGN(YearArrangement checked, CheckYear(year, input));
  std::optional<YearArrangement> before = repo::YearInForce(*req.sql, year);
  repo::SaveYear(*req.sql, checked, req.principal->user_id,
                 FormatIsoMillis(req.services->clock->NowMillis()));
  json::value after = ToJson(*repo::YearInForce(*req.sql, year));
  req.audit = http::AuditNote{"calendar_year", std::to_string(year),
                              before ? ToJson(*before) : json::value(nullptr), after};
  return JsonResponse(after);
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const char* kGroup = "工作日历";
  // Reference data every deadline needs, as the division codes are: any signed-in user reads it.
  router.Add(Method::kGet, "/api/v1/calendar/days", Access::kAuthenticated, "", "",
             "日期的工作日状态（节假日名称、调休上班），from 至 to，最多 366 天", kGroup,
             HandleDays);
  router.Add(Method::kGet, "/api/v1/calendar/working-days", Access::kAuthenticated, "", "",
             "工作日推算：from 之后第 n 个工作日，或 (from, to] 内的工作日天数", kGroup,
             HandleWorkingDays);
  router.Add(Method::kGet, "/api/v1/calendar/years", Access::kAuthenticated, "", "",
             "已有节假日安排的年份（内置数据与管理员录入）", kGroup, HandleYears);
  router.Add(Method::kPut, "/api/v1/calendar/years/{year}", Access::kPermission,
             "system:calendar:edit", "system:calendar:edit",
             "录入或替换某年的节假日安排（国务院办公厅通知）", kGroup, HandleSaveYear);
}

}  // namespace ssj::calendar
