#include "plan/plan_routes.h"

#include <boost/json.hpp>
#include <set>

#include "common/clock.h"
#include "http/pipeline.h"
#include "org/org_repo.h"
#include "org/org_types.h"
#include "plan/plan.h"
#include "plan/plan_repo.h"
#include "policy/policy_repo.h"

namespace ssj::plan {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

// The China date of a stored time ("2026-03-31T17:00:00.000Z" is 1 April in Chongqing).
std::string ChinaDay(const std::string& iso) {
  int64_t millis = 0;
  return !iso.empty() && ParseIsoMillis(iso, &millis) ? ChinaDate(millis) : std::string();
}

json::object DeadlineJson(const Plan& plan, const policy::Rules& rules, const std::string& today) {
  const Deadline d =
      CheckDeadline(plan.year, rules.plan_publish_by, ChinaDay(plan.first_published_at), today);
  return {{"publish_by", d.due}, {"overdue", d.overdue}, {"published_late", d.published_late}};
}

json::object SummaryJson(const Plan& plan, const policy::Rules& rules, const std::string& today) {
  json::object out = PlanJson(plan);
  out.erase("rows");
  out["first_published_at"] = plan.first_published_at;
  out["submitted_at"] = plan.submitted_at;
  // So that a page can hide 批准 from whoever submitted (the server refuses it either way).
  out["submitted_by"] = plan.submitted_by ? json::value(*plan.submitted_by) : json::value(nullptr);
  out["updated_at"] = plan.updated_at;
  out["deadline"] = DeadlineJson(plan, rules, today);
  return out;
}

// An error about a row's field named as the row's ("rows[2].count").
Error InRow(Error e, size_t row_idx) {
  if (e.details.contains("field")) {
    e.details["field"] =
        "rows[" + std::to_string(row_idx) + "]." + std::string(e.details.at("field").as_string());
  }
  e.message = "第 " + std::to_string(row_idx + 1) + " 行：" + e.message;
  return e;
}

Result<RowInput> ReadRow(const json::value& body) {
  RowInput row;
  SSJ_ASSIGN(row.item_id, http::IntField(body, "item_id"));
  SSJ_ASSIGN(row.target_scope, http::StringField(body, "target_scope", false, 4000));
  SSJ_ASSIGN(row.category, http::StringField(body, "category", false, 20));
  SSJ_ASSIGN(row.start_date, http::StringField(body, "start_date", true, 20));
  SSJ_ASSIGN(row.end_date, http::StringField(body, "end_date", true, 20));
  const json::value* ratio = body.as_object().if_contains("ratio");
  if (ratio && ratio->is_number()) {
    row.ratio = json::serialize(*ratio);
  } else {
    SSJ_ASSIGN(row.ratio, http::StringField(body, "ratio", false, 20));
  }
  SSJ_ASSIGN(row.count, http::IntField(body, "count", false, 0));
  SSJ_ASSIGN(row.cooperating_ids, http::IntArrayField(body, "cooperating_ids"));
  return row;
}

// The body of a create or an update: {year, name, department_id?, rows: [...]}. Without a
// department the caller's own initiates the plan.
Result<PlanInput> ReadInput(const Request& req) {
  const json::value& body = req.body;
  if (!body.is_object())
    return Error::InvalidField("name", "请求体应为 JSON 对象（year、name、department_id、rows）");
  PlanInput input;
  SSJ_ASSIGN(input.year, http::IntField(body, "year"));
  SSJ_ASSIGN(input.name, http::StringField(body, "name", true, 1000));
  SSJ_ASSIGN(input.department_id,
             http::IntField(body, "department_id", false, req.principal->department_id));
  const json::value* rows = body.as_object().if_contains("rows");
  if (rows && !rows->is_null()) {
    if (!rows->is_array()) return Error::InvalidField("rows", "字段 rows 应为数组");
    if (rows->as_array().size() > kMaxRows) {
      return Error::InvalidField("rows", "一个计划最多 " + std::to_string(kMaxRows) + " 行");
    }
    for (size_t row_idx = 0; row_idx < rows->as_array().size(); ++row_idx) {
      const json::value& row = rows->as_array()[row_idx];
      if (!row.is_object()) return InRow(Error::InvalidField("", "每行应为 JSON 对象"), row_idx);
      auto read = ReadRow(row);
      if (!read.ok()) return InRow(read.take_error(), row_idx);
      input.rows.push_back(std::move(read).value());
    }
  }
  return input;
}

// Reads and checks a plan body against the items and the policy in force; the department must
// be within the caller's scope.
Result<std::pair<PlanInput, std::vector<Row>>> ReadChecked(Request& req) {
  SSJ_ASSIGN(PlanInput input, ReadInput(req));
  const size_t begin = input.name.find_first_not_of(" \t\r\n");
  const size_t end = input.name.find_last_not_of(" \t\r\n");
  input.name = begin == std::string::npos ? "" : input.name.substr(begin, end - begin + 1);
  if (!org::repo::GetDepartment(*req.sql, req.principal, input.department_id)) {
    return Error::InvalidField("department_id", "发起部门不存在或不在您的数据范围内",
                               std::to_string(input.department_id));
  }
  for (size_t row_idx = 0; row_idx < input.rows.size(); ++row_idx) {
    for (int64_t dept : input.rows[row_idx].cooperating_ids) {
      if (!org::repo::GetDepartment(*req.sql, nullptr, dept)) {
        return InRow(Error::InvalidField("cooperating_ids", "配合部门不存在", std::to_string(dept)),
                     row_idx);
      }
    }
  }
  std::vector<int64_t> ids;
  for (const RowInput& row : input.rows) ids.push_back(row.item_id);
  const std::vector<ItemRef> items = repo::ItemRefs(*req.sql, ids);
  SSJ_ASSIGN(std::vector<Row> rows, CheckPlan(input, items, policy::Current(*req.sql).rules));
  return std::pair{std::move(input), std::move(rows)};
}

Error Taken(const PlanInput& input) {
  return Error::Duplicate(
      "name", input.name,
      "本部门 " + std::to_string(input.year) + " 年度已有同名计划“" + input.name + "”");
}

// The plan of the path in the caller's scope; for a change, locked first (repo::Lock).
Result<Plan> Find(Request& req, bool for_update = false) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  if (for_update) repo::Lock(*req.sql, id);
  auto plan = repo::Get(*req.sql, req.principal, id);
  if (!plan) return Error::NotFound("年度抽查工作计划");
  return *plan;
}

void Audit(Request& req, const Plan& before, const Plan& after, json::object extra = {}) {
  json::object after_json = PlanJson(after);
  for (auto& [key, value] : extra) after_json[key] = value;
  req.audit =
      http::AuditNote{"plan", std::to_string(after.id), PlanJson(before), std::move(after_json)};
}

Result<Response> HandleList(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  PlanFilter f;
  SSJ_ASSIGN(f.year, http::ReadOptionalId(req, "year"));
  SSJ_ASSIGN(f.department_id, http::ReadOptionalId(req, "department_id"));
  f.status = req.Query("status");
  if (!f.status.empty() && !ParseStatus(f.status)) {
    return Error::InvalidField("status", "应为 draft、submitted、approved 或 published",
                               f.status.substr(0, 32));
  }
  f.page = params.page;
  f.page_size = params.page_size;
  const policy::Policy policy = policy::Current(*req.sql);
  const std::string today = req.Today();
  auto page = repo::List(*req.sql, req.principal, f);
  json::array items;
  for (const Plan& plan : page.items) items.push_back(SummaryJson(plan, policy.rules, today));
  return JsonResponse(http::PageJson(std::move(items), page.total, params));
}

Result<Response> HandleGet(Request& req) {
  SSJ_ASSIGN(Plan plan, Find(req));
  json::object out = PlanJson(plan);
  out["deadline"] = DeadlineJson(plan, policy::Current(*req.sql).rules, req.Today());
  out["first_published_at"] = plan.first_published_at;
  out["submitted_at"] = plan.submitted_at;
  out["submitted_by"] = plan.submitted_by ? json::value(*plan.submitted_by) : json::value(nullptr);
  json::array versions;
  for (const PlanVersion& v : repo::Versions(*req.sql, plan.id)) {
    versions.push_back({{"version", v.version},
                        {"status", v.status},
                        {"data", json::parse(v.data)},
                        {"adjust_reason", v.adjust_reason},
                        {"changed_by", v.changed_by_name},
                        {"changed_at", v.changed_at},
                        {"published_by", v.published_by_name},
                        {"published_at", v.published_at}});
  }
  out["versions"] = std::move(versions);
  json::array approvals;
  for (const Approval& a : repo::Approvals(*req.sql, plan.id)) {
    approvals.push_back({{"version", a.version},
                         {"submitted_by", a.submitted_by_name},
                         {"submitted_at", a.submitted_at},
                         {"decided_by", a.decided_by_name},
                         {"decided_at", a.decided_at},
                         {"decision", a.decision},
                         {"reason", a.reason}});
  }
  out["approvals"] = std::move(approvals);
  return JsonResponse(out);
}

Result<Response> HandleCreate(Request& req) {
  SSJ_ASSIGN(auto checked, ReadChecked(req));
  int64_t id = 0;
  try {
    id = repo::Insert(*req.sql, checked.first, checked.second, req.principal->user_id, req.Now());
  } catch (const std::exception& e) {
    if (!db::IsUniqueViolation(e)) throw;
    return Taken(checked.first);
  }
  const Plan plan = *repo::Get(*req.sql, nullptr, id);
  json::object out = PlanJson(plan);
  req.audit = http::AuditNote{"plan", std::to_string(id), nullptr, out};
  return JsonResponse(out, 201);
}

Result<Response> HandleUpdate(Request& req) {
  SSJ_ASSIGN(Plan before, Find(req, true));
  SSJ_TRY(Transition(before.status, Action::kEdit));
  SSJ_ASSIGN(auto checked, ReadChecked(req));
  try {
    repo::UpdateDraft(*req.sql, before.id, checked.first, checked.second, req.principal->user_id,
                      req.Now());
  } catch (const std::exception& e) {
    if (!db::IsUniqueViolation(e)) throw;
    return Taken(checked.first);
  }
  const Plan after = *repo::Get(*req.sql, nullptr, before.id);
  Audit(req, before, after);
  return JsonResponse(PlanJson(after));
}

Result<Response> HandleSubmit(Request& req) {
  SSJ_ASSIGN(Plan before, Find(req, true));
  SSJ_ASSIGN(State next, Transition(before.status, Action::kSubmit));
  repo::SetStatus(*req.sql, before.id, next, req.principal->user_id, req.Now());
  const Plan after = *repo::Get(*req.sql, nullptr, before.id);
  Audit(req, before, after);
  return JsonResponse(PlanJson(after));
}

// Approve or reject: {reason}; a rejection needs one.
Result<Response> Decide(Request& req, bool approve) {
  SSJ_ASSIGN(Plan before, Find(req, true));
  SSJ_ASSIGN(State next, Transition(before.status, approve ? Action::kApprove : Action::kReject));
  SSJ_TRY(CheckApprover(before.submitted_by.value_or(0), req.principal->user_id));
  std::string reason;
  if (!req.body.is_null()) {
    SSJ_ASSIGN(reason, http::StringField(req.body, "reason", false, 2000));
  }
  if (!approve && reason.empty()) return Error::InvalidField("reason", "退回计划须填写退回理由");
  const std::string now = req.Now();
  repo::AddApproval(*req.sql, before, approve, req.principal->user_id, now, reason);
  repo::SetStatus(*req.sql, before.id, next, req.principal->user_id, now);
  const Plan after = *repo::Get(*req.sql, nullptr, before.id);
  Audit(req, before, after, {{"decision", approve ? "approved" : "rejected"}, {"reason", reason}});
  return JsonResponse(PlanJson(after));
}

Result<Response> HandleApprove(Request& req) { return Decide(req, true); }
Result<Response> HandleReject(Request& req) { return Decide(req, false); }

Result<Response> HandlePublish(Request& req) {
  SSJ_ASSIGN(Plan before, Find(req, true));
  SSJ_TRY(Transition(before.status, Action::kPublish));
  repo::Publish(*req.sql, before.id, req.principal->user_id, req.Now());
  const Plan after = *repo::Get(*req.sql, nullptr, before.id);
  Audit(req, before, after);
  return JsonResponse(PlanJson(after));
}

// {reason}: 调整原因, required; the published version stays public until the new one is.
Result<Response> HandleAdjust(Request& req) {
  SSJ_ASSIGN(Plan before, Find(req, true));
  SSJ_TRY(Transition(before.status, Action::kAdjust));
  SSJ_ASSIGN(std::string reason, http::StringField(req.body, "reason", true, 2000));
  if (reason.empty()) return Error::InvalidField("reason", "调整计划须说明调整原因");
  repo::Adjust(*req.sql, before.id, req.principal->user_id, req.Now(), reason);
  const Plan after = *repo::Get(*req.sql, nullptr, before.id);
  Audit(req, before, after, {{"adjust_reason", reason}});
  return JsonResponse(PlanJson(after));
}

Result<Response> HandleOverdue(Request& req) {
  const std::string today = req.Today();
  const policy::Policy policy = policy::Current(*req.sql);
  json::array items;
  for (const Plan& plan :
       repo::Unpublished(*req.sql, req.principal, std::stoll(today.substr(0, 4)))) {
    json::object summary = SummaryJson(plan, policy.rules, today);
    if (summary.at("deadline").at("overdue").as_bool()) items.push_back(std::move(summary));
  }
  return JsonResponse(
      {{"today", today},
       {"publish_by", policy.rules.plan_publish_by ? json::value(*policy.rules.plan_publish_by)
                                                   : json::value(nullptr)},
       {"items", std::move(items)}});
}

json::object MergeRowJson(const MergeRow& r) {
  return {{"plan_id", r.plan_id},
          {"plan_name", r.plan_name},
          {"department_id", r.department_id},
          {"department_name", r.department_name},
          {"item_id", r.item_id},
          {"item_name", r.item_name},
          {"domain", r.domain},
          {"target_scope", r.target_scope},
          {"start_date", r.start_date},
          {"end_date", r.end_date}};
}

// ?year= (default: this year in China).
Result<Response> HandleMerge(Request& req) {
  SSJ_ASSIGN(int64_t year, http::ReadOptionalId(req, "year"));
  if (year == 0) year = std::stoll(req.Today().substr(0, 4));
  json::array items;
  for (const MergeSuggestion& s : SuggestMerges(repo::MergeRows(*req.sql, req.principal, year))) {
    items.push_back({{"first", MergeRowJson(s.first)},
                     {"second", MergeRowJson(s.second)},
                     {"reason", s.reason}});
  }
  return JsonResponse({{"year", year}, {"items", std::move(items)}});
}

Result<Response> HandlePublicList(Request& req) {
  SSJ_ASSIGN(int64_t year, http::ReadOptionalId(req, "year"));
  json::array items;
  for (const PublicPlan& p : repo::ListPublic(*req.sql, year)) {
    json::object plan = json::parse(p.data).as_object();
    // The portal shows what was published, not who wrote it or its workflow.
    for (const char* key : {"status", "status_name", "published_version"}) plan.erase(key);
    plan["version"] = p.version;
    plan["published_at"] = p.published_at;
    items.push_back(std::move(plan));
  }
  return JsonResponse({{"items", std::move(items)}});
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kPerm = Access::kPermission;
  const char* kGroup = "年度抽查工作计划";
  router.Add(Method::kGet, "/api/v1/plans", kPerm, "plan:annual:list", "",
             "年度抽查工作计划（按年度、状态、部门筛选，含公开期限标记）", kGroup, HandleList);
  router.Add(Method::kGet, "/api/v1/plans/overdue", kPerm, "plan:annual:list", "",
             "逾期未公开的年度抽查工作计划（制度模板的公开期限）", kGroup, HandleOverdue);
  router.Add(Method::kGet, "/api/v1/plans/merge-suggestions", kPerm, "plan:annual:list", "",
             "可合并开展联合抽查的计划行（进一次门、查多项事）", kGroup, HandleMerge);
  router.Add(Method::kGet, "/api/v1/plans/{id}", kPerm, "plan:annual:list", "",
             "年度抽查工作计划详情、全部版本与审批记录", kGroup, HandleGet);
  router.Add(Method::kPost, "/api/v1/plans", kPerm, "plan:annual:add", "plan:annual:add",
             "新增年度抽查工作计划（草稿）", kGroup, HandleCreate);
  router.Add(Method::kPut, "/api/v1/plans/{id}", kPerm, "plan:annual:edit", "plan:annual:edit",
             "修改计划草稿", kGroup, HandleUpdate);
  router.Add(Method::kPost, "/api/v1/plans/{id}/submit", kPerm, "plan:annual:submit",
             "plan:annual:submit", "提交计划审批", kGroup, HandleSubmit);
  router.Add(Method::kPost, "/api/v1/plans/{id}/approve", kPerm, "plan:annual:approve",
             "plan:annual:approve", "批准计划（不能审批本人提交的计划）", kGroup, HandleApprove);
  router.Add(Method::kPost, "/api/v1/plans/{id}/reject", kPerm, "plan:annual:approve",
             "plan:annual:reject", "退回计划（须填写理由）", kGroup, HandleReject);
  router.Add(Method::kPost, "/api/v1/plans/{id}/publish", kPerm, "plan:annual:publish",
             "plan:annual:publish", "向社会公开已批准的计划", kGroup, HandlePublish);
  router.Add(Method::kPost, "/api/v1/plans/{id}/adjust", kPerm, "plan:annual:edit",
             "plan:annual:adjust", "调整已公开的计划（形成新版本，原版本公开至新版本公开）", kGroup,
             HandleAdjust);
  router.Add(Method::kGet, "/api/v1/public/plans", Access::kPublic, "", "",
             "年度抽查工作计划公示（无需登录，仅已公开版本）", "公示", HandlePublicList);
}

}  // namespace ssj::plan
