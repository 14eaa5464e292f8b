#include "report/summary.h"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "codes/divisions.h"
#include "codes/industry.h"
#include "db/database.h"
#include "inspection/inspection.h"
#include "inspection/inspection_repo.h"
#include "org/org_repo.h"

namespace ssj::report {
namespace {

using db::Query;
using db::RowInt;
using db::RowText;
namespace json = boost::json;

struct Tally {
  std::string name;
  int64_t inspected = 0;
  int64_t problems = 0;
};

json::array Rates(const std::map<std::string, Tally>& tallies) {
  json::array out;
  for (const auto& [key, t] : tallies) {
    out.push_back({{"key", key},
                   {"name", t.name},
                   {"inspected", t.inspected},
                   {"problems", t.problems},
                   {"rate", t.inspected ? static_cast<double>(t.problems) / t.inspected : 0.0}});
  }
  return out;
}

}  // namespace

json::value YearSummary(soci::session& sql, const org::Principal& who, int64_t year) {
  std::map<std::string, bool> problem_code;
  for (const auto& c : inspection::repo::Categories(sql)) problem_code[c.code] = c.problem;

  // Departments: tasks and targets drawn this year.
  struct Dept {
    std::string name;
    int64_t tasks = 0;
    int64_t drawn = 0;
    std::set<int64_t> inspected_targets;
    int64_t inspected = 0;
    int64_t problems = 0;
    int64_t directory = 0;
  };
  std::map<int64_t, Dept> depts;
  Query tasks(
      "SELECT d.id, d.name, COUNT(DISTINCT t.id), COUNT(tt.target_id) FROM tasks t JOIN "
      "departments d ON d.id = t.department_id LEFT JOIN task_targets tt ON tt.task_id = t.id "
      "WHERE t.year = :y AND t.status NOT IN ('draft', 'void')");
  tasks.Bind("y", year);
  org::repo::AddScope(tasks, &who, "d", "t.created_by");
  tasks.Append(" GROUP BY d.id, d.name");
  tasks.ForEach(sql, [&](const soci::row& row) {
    Dept& d = depts[RowInt(row, 0)];
    d.name = RowText(row, 1);
    d.tasks = RowInt(row, 2);
    d.drawn = RowInt(row, 3);
  });

  // Records handed in, one row per item.
  std::map<std::string, Tally> by_item, by_district, by_industry;
  struct Rec {
    int64_t dept = 0;
    int64_t target = 0;
    std::string district, industry;
    bool problem = false;
    std::set<int64_t> items;
    std::set<int64_t> problem_items;
  };
  std::map<int64_t, Rec> records;
  std::map<int64_t, std::string> item_names;
  Query rows(
      "SELECT r.id, t.department_id, r.target_id, g.division_code, g.industry_section, "
      "r.uninspectable, ri.item_id, p.code, p.name, ri.result_codes FROM inspections r JOIN "
      "tasks t ON t.id = r.task_id JOIN departments d ON d.id = t.department_id JOIN targets g "
      "ON g.id = r.target_id JOIN task_targets tt ON tt.task_id = r.task_id AND tt.target_id = "
      "r.target_id LEFT JOIN inspection_items ri ON ri.inspection_id = r.id LEFT JOIN "
      "catalog_public p ON p.item_id = ri.item_id WHERE t.year = :y AND r.status IN "
      "('submitted', 'reviewed', 'published')");
  rows.Bind("y", year);
  org::repo::AddScope(rows, &who, "d", "t.created_by");
  rows.ForEach(sql, [&](const soci::row& row) {
    Rec& r = records[RowInt(row, 0)];
    r.dept = RowInt(row, 1);
    r.target = RowInt(row, 2);
    r.district = RowText(row, 3);
    r.industry = RowText(row, 4);
    const std::string uninspectable = RowText(row, 5);
    if (!uninspectable.empty()) r.problem = r.problem || problem_code[uninspectable];
    const int64_t item = RowInt(row, 6);
    if (!item) return;
    item_names[item] = RowText(row, 7) + " " + RowText(row, 8);
    r.items.insert(item);
    for (const std::string& code : inspection::SplitCodes(RowText(row, 9))) {
      if (problem_code[code]) {
        r.problem = true;
        r.problem_items.insert(item);
      }
    }
  });
  for (const auto& [id, r] : records) {
    Dept& d = depts[r.dept];
    ++d.inspected;
    d.problems += r.problem;
    d.inspected_targets.insert(r.target);
    for (int64_t item : r.items) {
      Tally& t = by_item[std::to_string(item)];
      t.name = item_names[item];
      ++t.inspected;
      t.problems += r.problem_items.count(item) > 0;
    }
    const codes::Division* division = codes::FindDivision(r.district);
    Tally& dt = by_district[r.district];
    dt.name = division ? division->full_name : r.district;
    ++dt.inspected;
    dt.problems += r.problem;
    const std::string section = r.industry.empty() ? "-" : r.industry;
    Tally& it = by_industry[section];
    if (it.name.empty()) {
      const auto* s = r.industry.empty() ? nullptr : codes::FindIndustrySection(r.industry);
      it.name = s ? s->name : "未填写行业";
    }
    ++it.inspected;
    it.problems += r.problem;
  }
  json::array departments;
  for (auto& [id, d] : depts) {
    d.directory =
        Query("SELECT COUNT(*) FROM targets WHERE department_id = :d").Bind("d", id).ScalarInt(sql);
    departments.push_back(
        {{"department_id", id},
         {"name", d.name},
         {"tasks", d.tasks},
         {"drawn", d.drawn},
         {"inspected", d.inspected},
         {"problems", d.problems},
         {"directory_targets", d.directory},
         {"coverage",
          d.directory ? static_cast<double>(d.inspected_targets.size()) / d.directory : 0.0}});
  }
  return json::object{{"year", year},
                      {"departments", std::move(departments)},
                      {"by_item", Rates(by_item)},
                      {"by_district", Rates(by_district)},
                      {"by_industry", Rates(by_industry)}};
}

}  // namespace ssj::report
