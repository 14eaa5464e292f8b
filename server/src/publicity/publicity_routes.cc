#include "publicity/publicity_routes.h"

#include <boost/json.hpp>

#include "http/pipeline.h"
#include "publicity/publicity_service.h"

namespace ssj::publicity {
namespace {

using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

Context ContextOf(Request& req) { return {*req.sql, *req.principal, req.Now(), req.Today()}; }

Result<Response> HandlePublish(Request& req) {
  SSJ_ASSIGN(int64_t task_id, req.PathId());
  std::vector<int64_t> ids;
  if (req.body.is_object() && req.body.as_object().contains("inspection_ids")) {
    SSJ_ASSIGN(ids, http::IntArrayField(req.body, "inspection_ids"));
  }
  SSJ_ASSIGN(auto published, Publish(ContextOf(req), task_id, ids));
  json::array items;
  json::array audited;
  for (const repo::ResultRow& r : published) {
    items.push_back(ResultJson(r));
    audited.push_back({{"inspection_id", r.inspection_id},
                       {"result_id", r.id},
                       {"target_code", r.target_code},
                       {"summary", r.summary}});
  }
  req.audit = http::AuditNote{"task", std::to_string(task_id), nullptr,
                              json::object{{"published", std::move(audited)}}};
  return JsonResponse({{"published", published.size()}, {"items", std::move(items)}});
}

Result<Response> HandleSearch(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  const std::string q = req.Query("q").substr(0, 100);
  auto page = repo::Search(*req.sql, q, params.page, params.page_size);
  json::array items;
  for (const repo::ResultRow& r : page.items) items.push_back(ResultJson(r));
  return JsonResponse(http::PageJson(std::move(items), page.total, params, page.capped));
}

Result<Response> HandlePublicResult(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto row = repo::GetResult(*req.sql, id);
  if (!row) return Error::NotFound("检查结果");
  auto current = repo::Current(*req.sql, row->inspection_id);
  json::array versions;
  for (const repo::ResultRow& v : repo::Versions(*req.sql, row->inspection_id))
    versions.push_back(ResultJson(v));
  json::value out = ResultJson(*current);
  out.as_object()["versions"] = std::move(versions);
  return JsonResponse(out);
}

Result<Response> HandleResultsOfRecord(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  json::array versions;
  for (const repo::ResultRow& v : repo::Versions(*req.sql, id)) versions.push_back(ResultJson(v));
  json::array corrections;
  for (const repo::Correction& c : repo::ListCorrections(*req.sql, req.principal, "")) {
    if (c.inspection_id == id) corrections.push_back(CorrectionJson(c));
  }
  return JsonResponse({{"versions", std::move(versions)}, {"corrections", std::move(corrections)}});
}

Result<Response> HandleRequestCorrection(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(repo::Correction c, RequestCorrection(ContextOf(req), id, req.body));
  json::value out = CorrectionJson(c);
  req.audit = http::AuditNote{"result_correction", std::to_string(c.id), nullptr, out};
  return JsonResponse(out, 201);
}

Result<Response> HandleCorrections(Request& req) {
  const std::string status = req.Query("status");
  if (!status.empty() && status != "pending" && status != "approved" && status != "rejected")
    return Error::InvalidField("status", "应为 pending、approved 或 rejected",
                               status.substr(0, 32));
  json::array items;
  for (const repo::Correction& c : repo::ListCorrections(*req.sql, req.principal, status))
    items.push_back(CorrectionJson(c));
  return JsonResponse({{"items", std::move(items)}});
}

Result<Response> DecideCorrectionRoute(Request& req, bool approve) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  std::string reason;
  if (req.body.is_object()) {
    SSJ_ASSIGN(reason, http::StringField(req.body, "reason", false, 2000));
  }
  auto before = repo::GetCorrection(*req.sql, id);
  SSJ_ASSIGN(repo::Correction after, DecideCorrection(ContextOf(req), id, approve, reason));
  req.audit = http::AuditNote{"result_correction", std::to_string(id),
                              before ? CorrectionJson(*before) : json::value(nullptr),
                              CorrectionJson(after)};
  return JsonResponse(CorrectionJson(after));
}
Result<Response> HandleApproveCorrection(Request& req) { return DecideCorrectionRoute(req, true); }
Result<Response> HandleRejectCorrection(Request& req) { return DecideCorrectionRoute(req, false); }

Result<Response> HandleFileObjection(Request& req) {
  SSJ_ASSIGN(repo::Objection o, FileObjection(*req.sql, req.body, req.Now(), req.Today()));
  req.audit = http::AuditNote{"objection", std::to_string(o.id), nullptr, ObjectionJson(o)};
  // The firm learns the deadline, not the office's internals.
  return JsonResponse({{"id", o.id},
                       {"target_name", o.target_name},
                       {"filed_at", o.filed_at},
                       {"review_due", o.review_due}},
                      201);
}

Result<Response> HandleObjections(Request& req) {
  const std::string status = req.Query("status").substr(0, 32);
  json::array items;
  for (const repo::Objection& o : repo::ListObjections(*req.sql, req.principal, status))
    items.push_back(ObjectionJson(o));
  return JsonResponse({{"items", std::move(items)}});
}

template <class Fn>
Result<Response> ChangeObjection(Request& req, Fn&& fn) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto before = repo::GetObjection(*req.sql, id);
  SSJ_ASSIGN(repo::Objection after, fn(ContextOf(req), id, req.body));
  req.audit =
      http::AuditNote{"objection", std::to_string(id),
                      before ? ObjectionJson(*before) : json::value(nullptr), ObjectionJson(after)};
  return JsonResponse(ObjectionJson(after));
}

Result<Response> HandleDecideObjection(Request& req) {
  return ChangeObjection(req, DecideObjection);
}
Result<Response> HandleNotifyObjection(Request& req) {
  return ChangeObjection(req, NotifyObjection);
}

Result<Response> HandleDeadlines(Request& req) {
  SSJ_ASSIGN(json::value out, Deadlines(*req.sql, *req.principal, req.Today()));
  return JsonResponse(out);
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kPerm = http::Access::kPermission;
  const auto kPublic = http::Access::kPublic;
  const char* kGroup = "结果公示";
  router.Add(Method::kPost, "/api/v1/tasks/{id}/publish", kPerm, kPublishPermission,
             "inspection:result:publish", "公示任务中已审核的检查结果（可指定 inspection_ids）",
             kGroup, HandlePublish);
  router.Add(Method::kGet, "/api/v1/public/results", kPublic, "", "",
             "检查结果公示查询（按名称或统一社会信用代码，分页，无需登录）", "公示", HandleSearch);
  router.Add(Method::kGet, "/api/v1/public/results/{id}", kPublic, "", "",
             "检查结果详情及更正记录（无需登录）", "公示", HandlePublicResult);
  // Open to everyone, and each attempt tries a verification code: ten an hour from one address
  // is plenty for a firm and useless for guessing.
  http::Route objections{
      Method::kPost,
      "/api/v1/public/objections",
      kPublic,
      "",
      "inspection:objection:file",
      "企业对检查结果提出异议（统一社会信用代码＋通知书上的验证码；每个地址每小时 " +
          std::to_string(kObjectionsPerHour) + " 次）",
      "公示",
      HandleFileObjection};
  objections.rate_limit = {kObjectionsPerHour, 3600 * 1000};
  router.Add(std::move(objections));
  router.Add(Method::kGet, "/api/v1/inspections/{id}/results", kPerm, "inspection:record:list", "",
             "检查记录的公示版本和更正申请", kGroup, HandleResultsOfRecord);
  router.Add(Method::kPost, "/api/v1/inspections/{id}/corrections", kPerm, kCorrectPermission,
             "inspection:result:correct", "申请更正已公示的检查结果（须负责人批准）", kGroup,
             HandleRequestCorrection);
  router.Add(Method::kGet, "/api/v1/result-corrections", kPerm, "inspection:record:list", "",
             "检查结果更正申请（?status=pending）", kGroup, HandleCorrections);
  router.Add(Method::kPost, "/api/v1/result-corrections/{id}/approve", kPerm, kApprovePermission,
             "inspection:result:approve", "批准更正（负责人，不能审批本人申请）", kGroup,
             HandleApproveCorrection);
  router.Add(Method::kPost, "/api/v1/result-corrections/{id}/reject", kPerm, kApprovePermission,
             "inspection:result:reject", "驳回更正申请（负责人）", kGroup, HandleRejectCorrection);
  router.Add(Method::kGet, "/api/v1/objections", kPerm, "inspection:record:list", "",
             "异议及其复查、反馈期限（?status=）", kGroup, HandleObjections);
  router.Add(Method::kPost, "/api/v1/objections/{id}/decide", kPerm, kObjectionPermission,
             "inspection:objection:decide", "异议复查结论：维持或更正（更正须负责人批准）", kGroup,
             HandleDecideObjection);
  router.Add(Method::kPost, "/api/v1/objections/{id}/notify", kPerm, kObjectionPermission,
             "inspection:objection:notify", "登记已将复查结果反馈当事人", kGroup,
             HandleNotifyObjection);
  router.Add(Method::kGet, "/api/v1/inspection/deadlines", kPerm, "inspection:record:list", "",
             "期限看板：各任务的公示期限、异议复查和反馈期限（工作日）", kGroup, HandleDeadlines);
}

}  // namespace ssj::publicity
