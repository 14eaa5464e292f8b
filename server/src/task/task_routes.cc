#include "task/task_routes.h"

#include <algorithm>
#include <boost/json.hpp>

#include "codes/divisions.h"
#include "codes/industry.h"
#include "common/clock.h"
#include "http/pipeline.h"
#include "org/org_repo.h"
#include "org/org_types.h"
#include "plan/plan_repo.h"
#include "policy/policy_repo.h"
#include "task/pool.h"
#include "task/task.h"
#include "task/task_repo.h"

namespace ssj::task {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

Result<std::string> ScopeField(const json::value& scope, const char* key) {
  return http::StringField(scope, key, false, 64);
}

Result<TaskInput> ReadInput(const Request& req) {
  const json::value& body = req.body;
  if (!body.is_object()) return Error::InvalidField("name", "请求体应为 JSON 对象");
  TaskInput in;
  SSJ_ASSIGN(in.plan_id, http::OptionalIntField(body, "plan_id"));
  SSJ_ASSIGN(in.name, http::StringField(body, "name", true, 1000));
  SSJ_ASSIGN(in.department_id,
             http::IntField(body, "department_id", false, req.principal->department_id));
  SSJ_ASSIGN(in.item_ids, http::IntArrayField(body, "item_ids"));
  SSJ_ASSIGN(in.start_date, http::StringField(body, "start_date", true, 20));
  SSJ_ASSIGN(in.end_date, http::StringField(body, "end_date", true, 20));
  SSJ_ASSIGN(in.raise_tags, http::StringArrayField(body, "raise_tags"));
  SSJ_ASSIGN(in.team_size, http::IntField(body, "team_size", false, 2));
  SSJ_ASSIGN(in.region_rule, http::StringField(body, "region_rule", false, 20));
  if (in.region_rule.empty()) in.region_rule = "same_region";
  SSJ_ASSIGN(in.inspector_capacity, http::IntField(body, "inspector_capacity", false, 10));
  SSJ_ASSIGN(in.lead_specialty, http::StringField(body, "lead_specialty", false, 200));
  if (const json::value* scope = body.as_object().if_contains("scope");
      scope && !scope->is_null()) {
    if (!scope->is_object()) return Error::InvalidField("scope", "scope 应为 JSON 对象");
    SSJ_ASSIGN(in.scope.kind, ScopeField(*scope, "kind"));
    SSJ_ASSIGN(in.scope.division, ScopeField(*scope, "division"));
    SSJ_ASSIGN(in.scope.industry_section, ScopeField(*scope, "industry_section"));
    SSJ_ASSIGN(in.scope.industry_division, ScopeField(*scope, "industry_division"));
    SSJ_ASSIGN(in.scope.status, ScopeField(*scope, "status"));
    SSJ_ASSIGN(in.scope.tag, ScopeField(*scope, "tag"));
  }
  const json::value* strata = body.as_object().if_contains("strata");
  if (strata && !strata->is_null()) {
    if (!strata->is_array()) return Error::InvalidField("strata", "strata 应为数组");
    for (size_t h = 0; h < strata->as_array().size(); ++h) {
      const json::value& s = strata->as_array()[h];
      const std::string field = "strata[" + std::to_string(h) + "]";
      if (!s.is_object()) return Error::InvalidField(field, "每一层应为 JSON 对象");
      StratumRule rule;
      SSJ_ASSIGN(rule.id, http::StringField(s, "id", true, 16));
      const json::value* ratio = s.as_object().if_contains("ratio");
      if (ratio && ratio->is_number()) {
        rule.ratio = json::serialize(*ratio);
      } else {
        auto text = http::StringField(s, "ratio", false, 20);
        if (!text.ok()) return Error::InvalidField(field + ".ratio", "抽查比例应为数字或文本");
        rule.ratio = *text;
      }
      auto count = http::IntField(s, "count", false, 0);
      if (!count.ok()) return Error::InvalidField(field + ".count", "抽取数量应为整数");
      rule.count = *count;
      in.strata.push_back(std::move(rule));
    }
  }
  const json::value* parts = body.as_object().if_contains("participants");
  if (parts && !parts->is_null()) {
    if (!parts->is_array()) return Error::InvalidField("participants", "participants 应为数组");
    for (size_t p = 0; p < parts->as_array().size(); ++p) {
      const json::value& v = parts->as_array()[p];
      const std::string field = "participants[" + std::to_string(p) + "]";
      if (!v.is_object()) return Error::InvalidField(field, "每个配合部门应为 JSON 对象");
      Participant part;
      auto dept = http::IntField(v, "department_id");
      if (!dept.ok()) return Error::InvalidField(field + ".department_id", "请选择配合部门");
      part.department_id = *dept;
      auto specialty = http::StringField(v, "specialty", false, 200);
      if (!specialty.ok()) return Error::InvalidField(field + ".specialty", "专长应为文本");
      part.specialty = *specialty;
      in.participants.push_back(part);
    }
  }
  return in;
}

// Reads and checks a task body: departments exist (the initiating one in the caller's scope),
// codes are known, items and rules hold.
Result<std::pair<TaskInput, std::vector<ItemInfo>>> ReadChecked(Request& req) {
  SSJ_ASSIGN(TaskInput in, ReadInput(req));
  if (!org::repo::GetDepartment(*req.sql, req.principal, in.department_id)) {
    return Error::InvalidField("department_id", "发起部门不存在或不在您的数据范围内",
                               std::to_string(in.department_id));
  }
  for (size_t p = 0; p < in.participants.size(); ++p) {
    if (!org::repo::GetDepartment(*req.sql, nullptr, in.participants[p].department_id)) {
      return Error::InvalidField("participants[" + std::to_string(p) + "].department_id",
                                 "配合部门不存在",
                                 std::to_string(in.participants[p].department_id));
    }
  }
  if (!in.scope.division.empty() && !codes::FindDivision(in.scope.division))
    return Error::InvalidField("scope.division", "行政区划代码不在 GB/T 2260 中",
                               in.scope.division);
  if (!in.scope.industry_section.empty() &&
      !codes::FindIndustrySection(in.scope.industry_section)) {
    return Error::InvalidField("scope.industry_section", "国民经济行业门类不在 GB/T 4754 中",
                               in.scope.industry_section);
  }
  if (!in.scope.industry_division.empty() &&
      !codes::SectionOfDivision(in.scope.industry_division)) {
    return Error::InvalidField("scope.industry_division", "国民经济行业大类不在 GB/T 4754 中",
                               in.scope.industry_division);
  }
  const policy::Rules rules = policy::Current(*req.sql).rules;
  if (in.plan_id) {
    // A task carries out a published plan: its items are rows of that plan.
    auto plan = plan::repo::Get(*req.sql, req.principal, *in.plan_id);
    if (!plan || !plan->published_version) {
      return Error::InvalidField("plan_id", "年度抽查工作计划不存在、不在您的数据范围内或尚未公开",
                                 std::to_string(*in.plan_id));
    }
    for (size_t i = 0; i < in.item_ids.size(); ++i) {
      const bool planned = std::any_of(plan->rows.begin(), plan->rows.end(), [&](const auto& row) {
        return row.item_id == in.item_ids[i];
      });
      if (!planned) {
        return Error::InvalidField("item_ids[" + std::to_string(i) + "]",
                                   "该抽查事项不在所选年度计划“" + plan->name + "”中",
                                   std::to_string(in.item_ids[i]));
      }
    }
  } else if (rules.inspect_only_planned.value_or(false)) {
    return Error::InvalidField(
        "plan_id", "现行制度要求抽查事项须列入年度抽查工作计划：请选择已公开的年度计划");
  }
  std::vector<ItemInfo> items = repo::Items(*req.sql, in.item_ids);
  SSJ_TRY(CheckTask(in, items, repo::Specialties(*req.sql), rules));
  return std::pair{std::move(in), std::move(items)};
}

}  // namespace

Result<Task> FindTask(Request& req, bool for_update) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  if (for_update) repo::Lock(*req.sql, id);
  auto task = repo::Get(*req.sql, req.principal, id);
  if (!task) return Error::NotFound("抽查任务");
  return *task;
}

namespace {

Result<Response> HandleList(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  TaskFilter f;
  SSJ_ASSIGN(f.year, http::ReadOptionalId(req, "year"));
  SSJ_ASSIGN(f.plan_id, http::ReadOptionalId(req, "plan_id"));
  f.status = req.Query("status");
  if (!f.status.empty() && !ParseStatus(f.status)) {
    return Error::InvalidField("status",
                               "应为 draft、committed、drawn、confirmed、inspecting 或 void",
                               f.status.substr(0, 32));
  }
  f.page = params.page;
  f.page_size = params.page_size;
  auto page = repo::List(*req.sql, req.principal, f);
  json::array items;
  for (const Task& t : page.items) items.push_back(TaskJson(t));
  return JsonResponse(http::PageJson(std::move(items), page.total, params));
}

Result<Response> HandleGet(Request& req) {
  SSJ_ASSIGN(Task task, FindTask(req));
  return JsonResponse(TaskJson(task));
}

Result<Response> HandleCreate(Request& req) {
  SSJ_ASSIGN(auto checked, ReadChecked(req));
  const int64_t id =
      repo::Insert(*req.sql, checked.first, checked.second, req.principal->user_id, req.Now());
  const json::object out = TaskJson(*repo::Get(*req.sql, nullptr, id));
  req.audit = http::AuditNote{"task", std::to_string(id), nullptr, out};
  return JsonResponse(out, 201);
}

Result<Response> HandleUpdate(Request& req) {
  SSJ_ASSIGN(Task before, FindTask(req, true));
  SSJ_TRY(Transition(before.status, Action::kEdit));
  SSJ_ASSIGN(auto checked, ReadChecked(req));
  repo::UpdateDraft(*req.sql, before.id, checked.first, checked.second, req.principal->user_id,
                    req.Now());
  const json::object after = TaskJson(*repo::Get(*req.sql, nullptr, before.id));
  req.audit = http::AuditNote{"task", std::to_string(before.id), TaskJson(before), after};
  return JsonResponse(after);
}

json::object CountsJson(const Pool& pool) {
  json::object counts;
  for (const auto& [stratum, n] : pool.counts) counts[stratum] = n;
  json::array excluded;
  for (Exclusion why : kExclusions) {
    auto it = pool.excluded_counts.find(why);
    excluded.push_back({{"reason", std::string(ExclusionCode(why))},
                        {"name", std::string(ExclusionName(why))},
                        {"count", it == pool.excluded_counts.end() ? 0 : it->second}});
  }
  json::array joinable;
  for (const auto& [id, label] : pool.joinable_tasks)
    joinable.push_back({{"task_id", id}, {"label", label}});
  return {{"in_scope", pool.in_scope},
          {"pool_size", static_cast<int64_t>(pool.targets.size())},
          {"strata", std::move(counts)},
          {"excluded", std::move(excluded)},
          {"joinable_tasks", std::move(joinable)}};
}

// What committing now would freeze: counts per stratum and per exclusion reason, with the first
// excluded targets, so staff review them before anything is committed.
Result<Response> HandlePreview(Request& req) {
  SSJ_ASSIGN(Task task, FindTask(req));
  SSJ_ASSIGN(Pool pool, BuildPool(*req.sql, task, policy::Current(*req.sql).rules));
  json::object out = CountsJson(pool);
  json::array sample;
  for (size_t k = 0; k < pool.excluded.size() && k < 200; ++k) {
    const Excluded& e = pool.excluded[k];
    sample.push_back({{"target_id", e.target_id},
                      {"code", e.code},
                      {"name", e.name},
                      {"reason", std::string(ExclusionCode(e.reason))},
                      {"reason_name", std::string(ExclusionName(e.reason))},
                      {"detail", e.detail}});
  }
  out["excluded_sample"] = std::move(sample);
  return JsonResponse(out);
}

// The frozen exclusions, a page at a time (?reason=).
Result<Response> HandleExclusions(Request& req) {
  SSJ_ASSIGN(Task task, FindTask(req));
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  const std::string reason = req.Query("reason");
  bool known = reason.empty();
  for (Exclusion x : kExclusions) known = known || ExclusionCode(x) == reason;
  if (!known) return Error::InvalidField("reason", "未知的排除原因", reason.substr(0, 32));
  auto page = repo::Exclusions(*req.sql, task.id, reason, params.page, params.page_size);
  json::array items;
  for (const Excluded& e : page.items) {
    items.push_back({{"target_id", e.target_id},
                     {"code", e.code},
                     {"name", e.name},
                     {"reason", std::string(ExclusionCode(e.reason))},
                     {"reason_name", std::string(ExclusionName(e.reason))},
                     {"detail", e.detail}});
  }
  return JsonResponse(http::PageJson(std::move(items), page.total, params));
}

Result<Response> HandlePoolCsv(Request& req) {
  SSJ_ASSIGN(Task task, FindTask(req));
  if (task.status == State::kDraft) return Error::NotFound("冻结的抽取范围（任务尚未冻结）");
  return http::Download(repo::PoolCsv(*req.sql, task.id), "text/csv; charset=utf-8",
                        PoolFileName(task), PoolFileName(task));
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kPerm = Access::kPermission;
  const char* kGroup = "抽查任务";
  router.Add(Method::kGet, "/api/v1/tasks", kPerm, "task:task:list", "",
             "抽查任务（按年度、状态、计划筛选）", kGroup, HandleList);
  router.Add(Method::kGet, "/api/v1/tasks/{id}", kPerm, "task:task:list", "", "抽查任务详情",
             kGroup, HandleGet);
  router.Add(Method::kPost, "/api/v1/tasks", kPerm, "task:task:add", "task:task:add",
             "新建抽查任务（草稿）", kGroup, HandleCreate);
  router.Add(Method::kPut, "/api/v1/tasks/{id}", kPerm, "task:task:edit", "task:task:edit",
             "修改任务草稿", kGroup, HandleUpdate);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/pool-preview", kPerm, "task:task:list", "",
             "预览抽取范围：各层户数、按原因排除的户数和对象（不保存）", kGroup, HandlePreview);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/exclusions", kPerm, "task:task:list", "",
             "冻结时被排除的检查对象及原因（分页，可按原因筛选）", kGroup, HandleExclusions);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/pool.csv", kPerm, "task:task:list", "",
             "冻结的抽取范围（抽取引擎的 CSV 格式）", kGroup, HandlePoolCsv);
}

}  // namespace ssj::task
