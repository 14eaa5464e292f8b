// The calendar's routes on both backends, with the demo loaded: dates and deadlines as any
// signed-in user sees them, a year not covered, an administrator entering 2027 (audited) and a
// bad entry or a non-administrator changing nothing.
#include <gtest/gtest.h>

#include <functional>

#include "testing/api_test.h"

namespace ssj::calendar {
namespace {

using http::Method;
namespace json = boost::json;

class CalendarRoutesTest : public testing::ApiTest {
 protected:
  // Audit entries about calendar years (logins are audited too).
  int64_t YearEntries() {
    db::Lease sql = database().Acquire();
    audit::ListFilter filter;
    filter.object_type = "calendar_year";
    return audit::List(*sql, filter).total;
  }
};

// A made-up 2027 arrangement: the notice had not been published when the data was compiled.
json::value Year2027() {
  return {{"notice_title", "国务院办公厅关于2027年部分节假日安排的通知"},
          {"notice_url", "https://www.gov.cn/zhengce/example-2027.htm"},
          {"holidays",
           {{{"date", "2027-01-01"}, {"name", "元旦"}},
            {{"date", "2027-01-02"}, {"name", "元旦"}},
            {{"date", "2027-01-03"}, {"name", "元旦"}},
            "2027-02-08"}},
          {"workdays", json::array{"2027-02-20"}}};
}

TEST_P(CalendarRoutesTest, AnySignedInUserReadsDatesAndDeadlines) {
  EXPECT_EQ(Call(Method::kGet, "/api/v1/calendar/years").status, 401);
  LoginAs("jiancha", "Demo@2026");  // an inspector, with no permission at all

  http::Response r = Call(Method::kGet, "/api/v1/calendar/days", nullptr, false,
                          {{"from", "2024-02-03"}, {"to", "2024-02-19"}});
  ASSERT_EQ(r.status, 200) << json::serialize(r.body);
  const json::array& days = r.body.at("days").as_array();
  ASSERT_EQ(days.size(), 17u);
  EXPECT_EQ(days[1].at("date"), "2024-02-04");
  EXPECT_EQ(days[1].at("kind"), "makeup_workday");
  EXPECT_EQ(days[1].at("kind_name"), "调休上班");
  EXPECT_EQ(days[1].at("working"), true);
  EXPECT_EQ(days[1].at("weekday"), 7);
  EXPECT_EQ(days[7].at("date"), "2024-02-10");
  EXPECT_EQ(days[7].at("kind"), "holiday");
  EXPECT_EQ(days[7].at("name"), "春节");
  EXPECT_EQ(days[7].at("notice_year"), 2024);
  EXPECT_EQ(days[15].at("date"), "2024-02-18");
  EXPECT_EQ(days[15].at("kind"), "makeup_workday");
  EXPECT_EQ(days[0].at("kind"), "weekend");
  EXPECT_FALSE(days[0].as_object().contains("notice_year"));
  // 02-04, 05..09, 18, 19.
  EXPECT_EQ(r.body.at("working_days"), 8);

  http::Response deadline = Call(Method::kGet, "/api/v1/calendar/working-days", nullptr, false,
                                 {{"from", "2025-01-24"}, {"n", "3"}});
  ASSERT_EQ(deadline.status, 200) << json::serialize(deadline.body);
  EXPECT_EQ(deadline.body.at("date"), "2025-02-05");
  EXPECT_EQ(deadline.body.at("weekday"), 3);
  http::Response back = Call(Method::kGet, "/api/v1/calendar/working-days", nullptr, false,
                             {{"from", "2025-02-05"}, {"n", "-1"}});
  EXPECT_EQ(back.body.at("date"), "2025-01-27");
  http::Response count = Call(Method::kGet, "/api/v1/calendar/working-days", nullptr, false,
                              {{"from", "2025-01-19"}, {"to", "2025-02-16"}});
  ASSERT_EQ(count.status, 200) << json::serialize(count.body);
  EXPECT_EQ(count.body.at("working_days"), 16);

  http::Response years = Call(Method::kGet, "/api/v1/calendar/years");
  ASSERT_EQ(years.status, 200);
  EXPECT_EQ(years.body.at("years"),
            json::value(json::array{2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}));
  const json::value& y2020 = years.body.at("items").at(1);
  EXPECT_EQ(y2020.at("source"), "shipped");
  EXPECT_EQ(y2020.at("notice_urls").as_array().size(), 2u);  // with the COVID-19 extension
}

TEST_P(CalendarRoutesTest, BadQueriesAndYearsNotCoveredAreRefusedWithReasons) {
  LoginAs("yewu", "Demo@2026");
  struct Case {
    const char* path;
    std::vector<std::pair<std::string, std::string>> query;
    int status;
    const char* code;
    const char* field;
  };
  const Case cases[] = {
      {"days",
       {{"from", "2026-02-30"}, {"to", "2026-03-01"}},
       400,
       "request.invalid_field",
       "from"},
      {"days", {{"from", "2026-03-01"}}, 400, "request.invalid_field", "to"},
      {"days", {{"from", "2026-03-01"}, {"to", "2026-02-01"}}, 400, "request.invalid_field", "to"},
      {"days", {{"from", "2025-01-01"}, {"to", "2026-01-02"}}, 400, "request.invalid_field", "to"},
      {"working-days", {{"from", "2026-03-01"}}, 400, "request.invalid_field", "n"},
      {"working-days", {{"from", "2026-03-01"}, {"n", "1001"}}, 400, "request.invalid_field", "n"},
      {"working-days",
       {{"from", "2026-03-01"}, {"n", "3"}, {"to", "2026-03-09"}},
       400,
       "request.invalid_field",
       "n"},
      {"working-days", {{"from", "2026-12-25"}, {"n", "10"}}, 409, "calendar.year_not_covered", ""},
      {"days",
       {{"from", "2026-12-01"}, {"to", "2027-01-31"}},
       409,
       "calendar.year_not_covered",
       ""},
  };
  for (const Case& k : cases) {
    http::Response r =
        Call(Method::kGet, std::string("/api/v1/calendar/") + k.path, nullptr, false, k.query);
    ASSERT_EQ(r.status, k.status) << k.path << " " << k.query.back().second;
    EXPECT_EQ(r.body.at("code"), k.code) << json::serialize(r.body);
    if (*k.field) EXPECT_EQ(r.body.at("details").at("field"), k.field) << json::serialize(r.body);
  }
  http::Response r = Call(Method::kGet, "/api/v1/calendar/working-days", nullptr, false,
                          {{"from", "2026-12-25"}, {"n", "10"}});
  EXPECT_EQ(r.body.at("details").at("year"), 2027);
  EXPECT_NE(std::string(r.body.at("message").as_string()).find("2027 年的节假日安排尚未录入"),
            std::string::npos);
}

TEST_P(CalendarRoutesTest, AnAdministratorEnters2027AndDeadlinesReachIntoIt) {
  LoginAs("admin", "Admin@2026");
  const int64_t audit_before = AuditCount();
  http::Response saved = Call(Method::kPut, "/api/v1/calendar/years/2027", Year2027());
  ASSERT_EQ(saved.status, 200) << json::serialize(saved.body);
  EXPECT_EQ(saved.body.at("year"), 2027);
  EXPECT_EQ(saved.body.at("source"), "entered");
  EXPECT_EQ(saved.body.at("overrides_shipped"), false);
  EXPECT_EQ(saved.body.at("entered_by"), "系统管理员");
  EXPECT_EQ(saved.body.at("holidays").as_array().size(), 4u);
  EXPECT_EQ(saved.body.at("holidays").at(3).at("date"), "2027-02-08");
  EXPECT_EQ(saved.body.at("holidays").at(3).at("name"), "");
  EXPECT_EQ(AuditCount(), audit_before + 1);
  {
    db::Lease sql = database().Acquire();
    audit::ListFilter filter;
    filter.object_type = "calendar_year";
    auto entries = audit::List(*sql, filter);
    ASSERT_EQ(entries.total, 1);
    EXPECT_EQ(entries.items[0].action, "system:calendar:edit");
    EXPECT_EQ(entries.items[0].object_id, "2027");
    EXPECT_EQ(entries.items[0].username, "admin");
    EXPECT_FALSE(entries.items[0].before_json.has_value() &&
                 *entries.items[0].before_json != "null");
  }

  // Any user's deadline now reaches into 2027.
  LoginAs("yewu", "Demo@2026");
  http::Response deadline = Call(Method::kGet, "/api/v1/calendar/working-days", nullptr, false,
                                 {{"from", "2026-12-25"}, {"n", "10"}});
  ASSERT_EQ(deadline.status, 200) << json::serialize(deadline.body);
  EXPECT_EQ(deadline.body.at("date"), "2027-01-11");
  http::Response days = Call(Method::kGet, "/api/v1/calendar/days", nullptr, false,
                             {{"from", "2027-02-08"}, {"to", "2027-02-08"}});
  ASSERT_EQ(days.status, 200);
  EXPECT_EQ(days.body.at("days").at(0).at("kind"), "holiday");
  http::Response years = Call(Method::kGet, "/api/v1/calendar/years");
  EXPECT_EQ(years.body.at("years").as_array().back(), 2027);

  // Entered again, the year is replaced; replacing a shipped year is marked as such.
  LoginAs("admin", "Admin@2026");
  json::value smaller = Year2027();
  smaller.as_object()["holidays"] = json::array{"2027-01-01"};
  smaller.as_object()["workdays"] = json::array{};
  http::Response again = Call(Method::kPut, "/api/v1/calendar/years/2027", smaller);
  ASSERT_EQ(again.status, 200) << json::serialize(again.body);
  EXPECT_EQ(again.body.at("holidays").as_array().size(), 1u);
  EXPECT_EQ(again.body.at("workdays").as_array().size(), 0u);
  json::value y2026 = {{"notice_title", "国务院办公厅关于2026年部分节假日安排的通知"},
                       {"holidays", json::array{"2026-10-01"}}};
  http::Response shipped = Call(Method::kPut, "/api/v1/calendar/years/2026", y2026);
  ASSERT_EQ(shipped.status, 200) << json::serialize(shipped.body);
  EXPECT_EQ(shipped.body.at("overrides_shipped"), true);
  EXPECT_EQ(YearEntries(), 3);
  db::Lease sql = database().Acquire();
  audit::ListFilter filter;
  filter.object_id = "2026";
  filter.object_type = "calendar_year";
  auto entries = audit::List(*sql, filter);
  ASSERT_EQ(entries.total, 1);
  // The shipped arrangement it replaced is in the audit entry.
  json::value before = json::parse(*entries.items[0].before_json);
  EXPECT_EQ(before.at("source"), "shipped");
  EXPECT_EQ(before.at("holidays").as_array().size(), 33u);
}

TEST_P(CalendarRoutesTest, ABadEntryIsRefusedNamingTheValueAndChangesNothing) {
  LoginAs("admin", "Admin@2026");
  const int64_t audit_before = AuditCount();
  struct Case {
    const char* what;
    std::string year;
    std::function<void(json::object&)> change;
    const char* field;
    const char* value;
    bool value_in_message;  // the zh-CN message quotes the bad date
  };
  auto push = [](const char* list, json::value v) {
    return [list, v](json::object& b) { b[list].as_array().push_back(v); };
  };
  const Case cases[] = {
      {"not a date", "2027", push("holidays", "2027-02-29"), "holidays", "2027-02-29", true},
      {"a weekday worked", "2027", push("workdays", "2027-02-03"), "workdays", "2027-02-03", true},
      {"off and worked", "2027", push("workdays", "2027-01-02"), "workdays", "2027-01-02", true},
      {"dates of another year", "2026",
       [](json::object& b) { b["notice_title"] = "国务院办公厅关于2026年部分节假日安排的通知"; },
       "holidays", "2027-01-01", true},
      {"a holiday without a date", "2027", push("holidays", json::object{{"day", "x"}}), "holidays",
       "{\"day\":\"x\"}", false},
      {"a year in words", "二〇二七", [](json::object&) {}, "year", "二〇二七", false},
      {"a year out of range", "1999", [](json::object&) {}, "year", "1999", false},
  };
  for (const Case& k : cases) {
    json::value body = Year2027();
    k.change(body.as_object());
    http::Response r = Call(Method::kPut, "/api/v1/calendar/years/" + k.year, body);
    EXPECT_EQ(r.status, 400) << k.what << ": " << json::serialize(r.body);
    EXPECT_EQ(r.body.at("details").at("field"), k.field) << k.what << json::serialize(r.body);
    EXPECT_EQ(r.body.at("details").at("value"), k.value) << k.what << json::serialize(r.body);
    if (k.value_in_message) {
      EXPECT_NE(std::string(r.body.at("message").as_string()).find(k.value), std::string::npos)
          << k.what << ": " << json::serialize(r.body);
    }
  }
  http::Response years = Call(Method::kGet, "/api/v1/calendar/years");
  EXPECT_EQ(years.body.at("years").as_array().back(), 2026);
  EXPECT_EQ(years.body.at("items").as_array().back().at("source"), "shipped");
  EXPECT_EQ(years.body.at("items").as_array().back().at("holidays").as_array().size(), 33u);
  EXPECT_EQ(AuditCount(), audit_before);
}

TEST_P(CalendarRoutesTest, OnlyAnAdministratorEntersAYear) {
  for (const char* username : {"tongchou", "yewu", "fuzeren", "jiancha"}) {
    LoginAs(username, "Demo@2026");
    http::Response r = Call(Method::kPut, "/api/v1/calendar/years/2027", Year2027());
    EXPECT_EQ(r.status, 403) << username;
    EXPECT_EQ(r.body.at("details").at("permission"), "system:calendar:edit");
  }
  http::Response years = Call(Method::kGet, "/api/v1/calendar/years");
  EXPECT_EQ(years.body.at("years").as_array().back(), 2026);
  // The administrator's role holds the new permission (SyncAdminRole keeps it complete).
  LoginAs("admin", "Admin@2026");
  http::Response me = Call(Method::kGet, "/api/v1/auth/me");
  bool has = false;
  for (const json::value& p : me.body.at("permissions").as_array())
    has |= p == "system:calendar:edit";
  EXPECT_TRUE(has);
}

SSJ_BOTH_BACKENDS(CalendarRoutesTest);

}  // namespace
}  // namespace ssj::calendar
