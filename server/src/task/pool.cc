#include "task/pool.h"

#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>

#include "directory/directory_repo.h"
#include "draw/draw.h"
#include "task/task.h"

namespace ssj::task {
namespace {

namespace json = boost::json;

bool HasAny(const std::vector<std::string>& tags,
            const std::optional<std::vector<std::string>>& of) {
  if (!of) return false;
  return std::any_of(tags.begin(), tags.end(), [&](const std::string& t) {
    return std::find(of->begin(), of->end(), t) != of->end();
  });
}

std::string ClassName(const std::string& stratum) {
  return stratum == "U" ? "未分类" : stratum + " 类";
}

}  // namespace

std::string PoolFileName(const Task& task) { return task.code + "-pool.csv"; }

std::string PoolCode(const directory::TargetBrief& target) {
  if (target.kind == "place") return "P" + std::to_string(target.id);
  if (target.kind == "product") return "G" + std::to_string(target.id);
  return target.code;
}

Result<Pool> BuildPool(soci::session& sql, const Task& task, const policy::Rules& rules) {
  const std::unordered_set<int64_t> supervised = repo::Subtree(sql, task.department_id);
  std::unordered_map<int64_t, std::string> exempt;
  if (ExemptionApplies(task.items, rules)) exempt = repo::Exempt(sql, task.start_date);
  std::unordered_set<int64_t> capped;
  if (rules.yearly_cap) {
    capped = repo::AtYearlyCap(sql, task.item_ids, task.year, *rules.yearly_cap, task.id);
  }
  std::unordered_map<int64_t, int64_t> other;
  if (auto period = OtherOfficePeriod(rules, task.start_date, task.end_date)) {
    other = repo::OtherOffices(sql, task.department_id, period->first, period->second, task.id);
  }
  const bool waive_intensified = rules.cap_waived_for_intensified.value_or(false);
  std::map<int64_t, std::string> labels;

  directory::TargetFilter filter;
  filter.kind = task.scope.kind;
  filter.division = task.scope.division;
  filter.industry_section = task.scope.industry_section;
  filter.industry_division = task.scope.industry_division;
  filter.status = task.scope.status;
  filter.tag = task.scope.tag;

  Pool pool;
  std::vector<std::pair<int64_t, int64_t>> joinable;  // (target, task)
  std::unordered_map<int64_t, std::string> department_names;
  db::Query("SELECT id, name FROM departments").ForEach(sql, [&](const soci::row& row) {
    department_names.emplace(db::RowInt(row, 0), db::RowText(row, 1));
  });
  directory::repo::ForEachBrief(sql, filter, [&](const directory::TargetBrief& t) {
    ++pool.in_scope;
    auto exclude = [&](Exclusion why, std::string detail) {
      pool.excluded.push_back(Excluded{t.id, t.code, t.name, why, std::move(detail)});
      ++pool.excluded_counts[why];
    };
    if (ExcludedStatus(t.status)) return exclude(Exclusion::kStatus, t.status);
    if (!supervised.count(t.department_id)) {
      return exclude(Exclusion::kNotSupervised, "监管部门：" + department_names[t.department_id]);
    }
    if (auto it = exempt.find(t.id); it != exempt.end())
      return exclude(Exclusion::kExempt, "依据：" + it->second);
    const bool spared = waive_intensified && HasAny(t.tags, rules.intensified_tags);
    if (!spared && capped.count(t.id)) {
      return exclude(Exclusion::kYearlyCap,
                     "每年最多 " + std::to_string(rules.yearly_cap.value_or(0)) + " 次");
    }
    if (auto it = other.find(t.id); !spared && it != other.end()) {
      joinable.emplace_back(t.id, it->second);
      pool.joinable_tasks[it->second];
      return exclude(Exclusion::kOtherOffice, "task:" + std::to_string(it->second));
    }
    const std::string stratum = StratumOf(task.strata, t.credit_class, t.tags, task.raise_tags);
    pool.targets.push_back(PoolTarget{t.id, PoolCode(t), stratum, t.division_code});
    ++pool.counts[stratum];
  });
  if (!pool.joinable_tasks.empty()) {
    std::vector<int64_t> ids;
    for (const auto& [id, label] : pool.joinable_tasks) ids.push_back(id);
    pool.joinable_tasks = repo::TaskLabels(sql, ids);
    for (Excluded& e : pool.excluded) {
      if (e.reason == Exclusion::kOtherOffice && e.detail.starts_with("task:")) {
        const int64_t id = std::stoll(e.detail.substr(5));
        e.detail = "已列入 " + pool.joinable_tasks[id] + "，可商请联合检查";
      }
    }
  }
  // Every populated stratum needs a rule: a target is never silently left out.
  for (const auto& [stratum, n] : pool.counts) {
    const bool ruled = std::any_of(task.strata.begin(), task.strata.end(),
                                   [&](const StratumRule& r) { return r.id == stratum; });
    if (!ruled) {
      Error e = Error::InvalidField("strata",
                                    ClassName(stratum) + "的检查对象有 " + std::to_string(n) +
                                        " 户，但任务没有为该层设置抽查比例或数量",
                                    stratum);
      e.code = "task.stratum_missing";
      return e;
    }
  }
  std::sort(pool.targets.begin(), pool.targets.end(), [](const PoolTarget& a, const PoolTarget& b) {
    return a.stratum != b.stratum ? a.stratum < b.stratum : a.code < b.code;
  });
  return pool;
}

Result<Frozen> Freeze(soci::session& sql, const Task& task, const Pool& pool,
                      const std::string& draw_date) {
  Frozen out;
  out.pool_file = PoolFileName(task);
  json::array strata;
  uint64_t drawn = 0;  // targets the draw selects: no inspector takes more
  for (const StratumRule& rule : task.strata) {
    auto n = pool.counts.find(rule.id);
    if (n == pool.counts.end() || n->second == 0) continue;  // an empty stratum draws nothing
    json::object s{{"id", rule.id}};
    if (!rule.ratio.empty()) {
      s["ratio"] = *PercentToFraction(rule.ratio);
      draw::Stratum st;
      st.ratio = *PercentToFraction(rule.ratio);
      drawn += draw::SampleSize(st, static_cast<uint64_t>(n->second));
    } else {
      drawn += static_cast<uint64_t>(rule.count);
      if (rule.count > n->second) {
        Error e =
            Error::InvalidField("strata",
                                ClassName(rule.id) + "设置抽取 " + std::to_string(rule.count) +
                                    " 户，但排除后只有 " + std::to_string(n->second) + " 户",
                                std::to_string(rule.count));
        e.code = "task.count_above_pool";
        return e;
      }
      s["count"] = rule.count;
    }
    strata.push_back(std::move(s));
  }
  if (strata.empty()) {
    Error e{ErrorKind::kConflict,
            "task.pool_empty",
            "抽取范围内没有可抽取的检查对象（范围内 " + std::to_string(pool.in_scope) +
                " 户，全部被排除或不在范围内）",
            {}};
    return e;
  }

  // Team: the initiating department leads; each participant sends one member.
  json::array departments;
  departments.push_back(
      {{"code", task.department_code},
       {"specialty",
        task.lead_specialty.empty() ? json::value(nullptr) : json::value(task.lead_specialty)}});
  std::vector<int64_t> department_ids{task.department_id};
  std::unordered_map<int64_t, std::string> department_codes;
  for (const Participant& p : task.participants) {
    department_ids.push_back(p.department_id);
    std::string code;
    db::Query("SELECT code FROM departments WHERE id = :id")
        .Bind("id", p.department_id)
        .ForEach(sql, [&](const soci::row& r) { code = db::RowText(r, 0); });
    departments.push_back(
        {{"code", code},
         {"specialty", p.specialty.empty() ? json::value(nullptr) : json::value(p.specialty)}});
  }

  std::vector<repo::PoolInspector> inspectors =
      repo::Inspectors(sql, department_ids, task.start_date, task.end_date, task.id);
  json::array inspector_json;
  std::vector<int64_t> inspector_ids;
  std::unordered_map<int64_t, std::string> inspector_codes;
  for (const repo::PoolInspector& i : inspectors) {
    // What this task holds of the inspector until it is drawn: what is left of the capacity in
    // this window, and never more than one slot per target it draws.
    const int64_t capacity = std::clamp<int64_t>(task.inspector_capacity - i.used, 0,
                                                 std::min<int64_t>(kMaxCapacity, drawn));
    json::array specialties;
    for (const std::string& s : i.specialties) specialties.push_back(json::string(s));
    inspector_json.push_back({{"id", i.code},
                              {"name", i.name},
                              {"department", i.department_code},
                              {"region", i.region},
                              {"specialties", std::move(specialties)},
                              {"certificate_valid_until", i.certificate_valid_until},
                              {"capacity", capacity}});
    inspector_ids.push_back(i.id);
    inspector_codes[i.id] = i.code;
    if (capacity > 0) out.capacities.emplace_back(i.id, capacity);
  }
  std::unordered_map<int64_t, const PoolTarget*> in_pool;
  for (const PoolTarget& t : pool.targets) in_pool.emplace(t.target_id, &t);
  json::array conflicts;
  for (const repo::ConflictRow& c : repo::Conflicts(sql, inspector_ids, draw_date)) {
    auto t = in_pool.find(c.target_id);
    if (t == in_pool.end()) continue;
    conflicts.push_back({{"inspector", inspector_codes[c.inspector_id]},
                         {"target", t->second->code},
                         {"reason", c.reason}});
  }
  out.request = json::object{
      {"protocol", draw::kProtocol},
      {"task_id", task.code},
      {"draw_date", draw_date},
      {"strata", std::move(strata)},
      {"targets_csv", out.pool_file},
      {"team",
       {{"size", task.team_size},
        {"lead_department", task.department_code},
        {"departments", std::move(departments)},
        {"region_rule", task.region_rule}}},
      {"inspectors", std::move(inspector_json)},
      {"conflicts", std::move(conflicts)},
  };
  return out;
}

}  // namespace ssj::task
