#include "inspection/inspection_routes.h"

#include <boost/json.hpp>
#include <map>

#include "http/pipeline.h"
#include "inspection/followup.h"
#include "inspection/inspection.h"
#include "inspection/inspection_repo.h"
#include "inspection/inspection_service.h"
#include "task/task_routes.h"

namespace ssj::inspection {
namespace {

using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

Context ContextOf(Request& req) { return {*req.sql, *req.principal, req.Now(), req.Today()}; }

Result<Response> HandleDictionary(Request& req) {
  json::array categories;
  for (const Category& c : repo::Categories(*req.sql)) categories.push_back(CategoryJson(c));
  json::array kinds;
  for (const std::string& k : ActionKinds()) kinds.emplace_back(k);
  json::array methods;
  for (const std::string& m : Methods()) methods.emplace_back(m);
  return JsonResponse({{"categories", std::move(categories)},
                       {"action_kinds", std::move(kinds)},
                       {"methods", std::move(methods)}});
}

Result<Response> HandleMine(Request& req) {
  SSJ_ASSIGN(int64_t me, OwnInspector(*req.sql, *req.principal));
  const std::string today = req.Today();
  json::array items;
  for (const RecordRow& r : repo::ForInspector(*req.sql, me)) {
    json::value row = RowJson(r);
    row.as_object()["in_window"] = r.start_date <= today && today <= r.end_date;
    items.push_back(std::move(row));
  }
  return JsonResponse({{"today", today}, {"items", std::move(items)}});
}

Result<Response> HandleTaskRecords(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  json::array items;
  std::map<std::string, int64_t> counts;
  for (const RecordRow& r : repo::ForTask(*req.sql, task.id)) {
    ++counts[std::string(StateCode(r.status))];
    items.push_back(RowJson(r));
  }
  json::object by_state;
  for (const auto& [state, n] : counts) by_state[state] = n;
  return JsonResponse({{"counts", std::move(by_state)}, {"items", std::move(items)}});
}

Result<Response> HandleGet(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(View v, Open(*req.sql, *req.principal, id));
  return JsonResponse(ViewJson(*req.sql, v));
}

// A change: the record before (for the audit log), the change, and the record after.
template <class Fn>
Result<Response> Change(Request& req, Fn&& change, int status = 200) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto before = repo::Get(*req.sql, id);
  SSJ_ASSIGN(View after, change(ContextOf(req), id));
  req.audit =
      http::AuditNote{"inspection", std::to_string(id),
                      before ? AuditJson(*before) : json::value(nullptr), AuditJson(after.record)};
  return JsonResponse(ViewJson(*req.sql, after), status);
}

Result<Response> HandleHeader(Request& req) {
  return Change(req, [&](const Context& c, int64_t id) { return SaveHeader(c, id, req.body); });
}

Result<Response> HandleItem(Request& req) {
  SSJ_ASSIGN(int64_t item_id, req.PathId("item_id"));
  return Change(req,
                [&](const Context& c, int64_t id) { return SaveItem(c, id, item_id, req.body); });
}

Result<Response> HandleAddAction(Request& req) {
  return Change(
      req, [&](const Context& c, int64_t id) { return AddAction(c, id, req.body); }, 201);
}

Result<Response> HandleDeleteAction(Request& req) {
  SSJ_ASSIGN(int64_t action_id, req.PathId("action_id"));
  return Change(req, [&](const Context& c, int64_t id) { return DeleteAction(c, id, action_id); });
}

json::object AttachmentJson(const AttachmentInfo& a) {
  return {{"id", a.id},
          {"kind", a.kind},
          {"name", a.name},
          {"content_type", a.content_type},
          {"size", a.size},
          {"sha256", a.sha256},
          {"created_by_name", a.created_by_name},
          {"created_at", a.created_at}};
}

// The raw body is the file; ?file_name= names it and ?client_id= makes a retry harmless.
Result<Response> HandleAttach(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(auto added, AddEvidence(ContextOf(req), id, req.Query("file_name"),
                                     req.Query("client_id"), req.upload));
  json::object out = AttachmentJson(added.first);
  req.audit = http::AuditNote{"inspection_attachment", std::to_string(added.first.id), nullptr,
                              json::object{{"inspection_id", id},
                                           {"name", added.first.name},
                                           {"sha256", added.first.sha256},
                                           {"size", added.first.size},
                                           {"repeated", !added.second}}};
  return JsonResponse(out, added.second ? 201 : 200);
}

Result<Response> HandleAttachmentFile(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(int64_t aid, req.PathId("aid"));
  SSJ_ASSIGN(View v, Open(*req.sql, *req.principal, id));
  auto file = repo::AttachmentFile(*req.sql, id, aid);
  if (!file) return Error::NotFound("附件");
  return http::Download(std::move(file->second), file->first.content_type,
                        "inspection-" + std::to_string(id) + "-" + std::to_string(aid),
                        file->first.name);
}

Result<Response> HandleDeleteAttachment(Request& req) {
  SSJ_ASSIGN(int64_t aid, req.PathId("aid"));
  return Change(req, [&](const Context& c, int64_t id) { return DeleteEvidence(c, id, aid); });
}

Result<Response> HandleFirm(Request& req) {
  return Change(req, [&](const Context& c, int64_t id) { return SetFirm(c, id, req.body); });
}

Result<Response> HandleClearFirm(Request& req) { return Change(req, ClearFirm); }

Result<Response> HandleUninspectable(Request& req) {
  return Change(req,
                [&](const Context& c, int64_t id) { return SetUninspectable(c, id, req.body); });
}

Result<Response> HandleClearUninspectable(Request& req) { return Change(req, ClearUninspectable); }

Result<Response> HandleSignOff(Request& req) { return Change(req, SignOff); }

Result<Response> HandleSubmit(Request& req) { return Change(req, Submit); }

Result<Response> HandleReview(Request& req) {
  return Change(req, [&](const Context& c, int64_t id) { return Review(c, id, req.body); });
}

Result<Response> HandleFollowUps(Request& req) {
  const std::string status = req.Query("status");
  if (!status.empty() && status != "open" && status != "closed")
    return Error::InvalidField("status", "应为 open（未办结）或 closed（已办结）",
                               status.substr(0, 32));
  json::array items;
  for (const FollowUp& f : ListFollowUps(*req.sql, *req.principal, status))
    items.push_back(FollowUpJson(f, req.Today()));
  return JsonResponse({{"items", std::move(items)}});
}

Result<Response> HandleCloseFollowUp(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(FollowUp before, GetFollowUp(*req.sql, *req.principal, id));
  SSJ_ASSIGN(std::string outcome, http::StringField(req.body, "outcome", false, 4000));
  SSJ_ASSIGN(FollowUp after, CloseFollowUp(*req.sql, *req.principal, id, outcome, req.Now()));
  req.audit = http::AuditNote{"inspection_action", std::to_string(id),
                              FollowUpJson(before, req.Today()), FollowUpJson(after, req.Today())};
  return JsonResponse(FollowUpJson(after, req.Today()));
}

Result<Response> HandleTargetHistory(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(json::value out, TargetHistory(*req.sql, *req.principal, id, req.Today()));
  return JsonResponse(out);
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kAuth = http::Access::kAuthenticated;
  const char* kGroup = "检查记录";
  const char* kEdit = "inspection:record:edit";
  router.Add(Method::kGet, "/api/v1/inspection/dictionary", kAuth, "", "",
             "检查结果类别（含层级）、后续处置方式和检查方式", kGroup, HandleDictionary);
  router.Add(Method::kGet, "/api/v1/my/inspections", kAuth, "", "",
             "本人所在检查组的检查记录（账号须关联执法检查人员）", kGroup, HandleMine);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/inspections", http::Access::kPermission,
             kListPermission, "", "抽查任务的检查记录及其状态", kGroup, HandleTaskRecords);
  router.Add(Method::kGet, "/api/v1/inspections/{id}", kAuth, "", "",
             "检查记录（检查组成员，或有权查看该任务的人员）", kGroup, HandleGet);
  router.Add(Method::kPut, "/api/v1/inspections/{id}/header", kAuth, "", kEdit,
             "修改表头（主体名称、地址等）", kGroup, HandleHeader);
  router.Add(Method::kPut, "/api/v1/inspections/{id}/items/{item_id}", kAuth, "", kEdit,
             "录入一个检查事项的检查情况和结果（由该事项所属部门的检查人员）", kGroup, HandleItem);
  router.Add(Method::kPost, "/api/v1/inspections/{id}/actions", kAuth, "", kEdit,
             "登记后续处置措施（client_id 去重）", kGroup, HandleAddAction);
  router.Add(Method::kDelete, "/api/v1/inspections/{id}/actions/{action_id}", kAuth, "", kEdit,
             "删除后续处置措施", kGroup, HandleDeleteAction);
  {
    http::Route attach{Method::kPost,
                       "/api/v1/inspections/{id}/attachments",
                       kAuth,
                       "",
                       "inspection:record:attach",
                       "上传证据（?file_name=&client_id=，JPEG/PNG/MP4/PDF，20 MB 以内）",
                       kGroup,
                       HandleAttach};
    attach.upload_limit = kMaxEvidenceBytes;
    router.Add(std::move(attach));
  }
  router.Add(Method::kGet, "/api/v1/inspections/{id}/attachments/{aid}", kAuth, "", "",
             "下载证据或签字图片", kGroup, HandleAttachmentFile);
  router.Add(Method::kDelete, "/api/v1/inspections/{id}/attachments/{aid}", kAuth, "", kEdit,
             "删除证据", kGroup, HandleDeleteAttachment);
  router.Add(Method::kPut, "/api/v1/inspections/{id}/firm", kAuth, "", kEdit,
             "被检查对象签字（PNG）或记录拒绝签字", kGroup, HandleFirm);
  router.Add(Method::kDelete, "/api/v1/inspections/{id}/firm", kAuth, "", kEdit,
             "清除被检查对象签字或拒签记录", kGroup, HandleClearFirm);
  router.Add(Method::kPut, "/api/v1/inspections/{id}/uninspectable", kAuth, "", kEdit,
             "记录无法开展检查的情形（组长）", kGroup, HandleUninspectable);
  router.Add(Method::kDelete, "/api/v1/inspections/{id}/uninspectable", kAuth, "", kEdit,
             "撤销无法开展检查的记录（组长）", kGroup, HandleClearUninspectable);
  router.Add(Method::kPost, "/api/v1/inspections/{id}/signoff", kAuth, "", "inspection:record:sign",
             "检查组成员签字确认", kGroup, HandleSignOff);
  router.Add(Method::kPost, "/api/v1/inspections/{id}/submit", kAuth, "",
             "inspection:record:submit", "组长提交审核（重复提交不重复生效）", kGroup,
             HandleSubmit);
  router.Add(Method::kGet, "/api/v1/follow-ups", http::Access::kPermission, kListPermission, "",
             "后续处置跟踪（?status=open|closed）", kGroup, HandleFollowUps);
  router.Add(Method::kPost, "/api/v1/follow-ups/{id}/close", http::Access::kPermission,
             kFollowUpPermission, "inspection:followup:close",
             "办结后续处置（填写复查结果等办结情况）", kGroup, HandleCloseFollowUp);
  router.Add(Method::kGet, "/api/v1/targets/{id}/inspections", http::Access::kPermission,
             "directory:target:list", "", "检查对象的检查记录和未办结的后续处置", kGroup,
             HandleTargetHistory);
  router.Add(Method::kPost, "/api/v1/inspections/{id}/review", http::Access::kPermission,
             kReviewPermission, "inspection:record:review", "审核检查记录（通过或退回）", kGroup,
             HandleReview);
}

}  // namespace ssj::inspection
