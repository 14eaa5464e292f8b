#include "inspectors/inspector_routes.h"

#include <boost/json.hpp>

#include "common/clock.h"
#include "directory/directory.h"
#include "directory/targets.h"
#include "http/pipeline.h"
#include "importer/import_routes.h"
#include "importer/template.h"
#include "inspectors/inspector_repo.h"
#include "inspectors/inspector_service.h"
#include "inspectors/inspectors.h"

namespace ssj::inspectors {
namespace {

using directory::OneOf;
using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

Result<std::optional<Group>> ReadGroup(const Request& req, const char* name) {
  const std::string group = req.Query(name);
  if (group.empty()) return std::optional<Group>();
  if (group == "inspectors") return std::optional<Group>(Group::kInspectors);
  if (group == "experts") return std::optional<Group>(Group::kExperts);
  return Error::InvalidField(name, "应为 inspectors 或 experts", group.substr(0, 32));
}

Result<Response> HandleList(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  InspectorFilter f;
  f.name = req.Query("name").substr(0, 100);
  f.category = req.Query("category");
  SSJ_ASSIGN(f.group, ReadGroup(req, "group"));
  f.division = req.Query("division").substr(0, 12);
  f.specialty = req.Query("specialty").substr(0, 100);
  f.status = req.Query("status");
  f.cert = req.Query("cert");
  f.today = req.Today();
  SSJ_TRY(directory::CheckOneOf("category", f.category, kCategories));
  SSJ_TRY(directory::CheckOneOf("status", f.status, kStatuses));
  if (!f.cert.empty() && f.cert != "valid" && f.cert != "expired")
    return Error::InvalidField("cert", "应为 valid 或 expired", f.cert.substr(0, 32));
  if (!f.division.empty() && !directory::DivisionRange(f.division))
    return Error::InvalidField("division", "不是有效的行政区划代码", f.division);
  SSJ_ASSIGN(f.department_id, http::ReadOptionalId(req, "department_id"));
  f.page = params.page;
  f.page_size = params.page_size;
  auto page = repo::List(*req.sql, req.principal, f);
  json::array items;
  for (const Inspector& p : page.items) items.push_back(ToJson(p, f.today));
  return JsonResponse(http::PageJson(std::move(items), page.total, params));
}

Result<Response> HandleGet(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto found = repo::Get(*req.sql, req.principal, id);
  if (!found) return Error::NotFound("人员");
  json::array history;
  for (const auto& h : repo::History(*req.sql, id)) history.push_back(directory::ToJson(h));
  json::value out = ToJson(*found, req.Today());
  out.as_object()["history"] = std::move(history);
  return JsonResponse(out);
}

Result<Response> HandleCreate(Request& req) {
  SSJ_ASSIGN(Inspector p,
             CreateInspector(*req.sql, *req.principal, req.body, req.Now(), req.Today()));
  json::value out = ToJson(p, req.Today());
  req.audit = http::AuditNote{"inspector", std::to_string(p.id), nullptr, out};
  return JsonResponse(out, 201);
}

Result<Response> HandleUpdate(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(Change change,
             UpdateInspector(*req.sql, *req.principal, id, req.body, req.Now(), req.Today()));
  json::value after = ToJson(change.after, req.Today());
  req.audit =
      http::AuditNote{"inspector", std::to_string(id), ToJson(change.before, req.Today()), after};
  return JsonResponse(after);
}

Result<Response> HandleAccountOptions(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(std::vector<Account> accounts, AccountOptions(*req.sql, *req.principal, id));
  json::array items;
  for (const Account& a : accounts) {
    items.push_back({{"user_id", a.user_id},
                     {"username", a.username},
                     {"name", a.name},
                     {"inspector_id", a.inspector_id ? json::value(*a.inspector_id) : nullptr},
                     {"inspector_name", a.inspector_name}});
  }
  return JsonResponse(json::object{{"items", std::move(items)}});
}

Result<Response> HandleLinkAccount(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(AccountChange change, LinkAccount(*req.sql, *req.principal, id, req.body));
  json::value after = ToJson(change.after, req.Today());
  if (change.moved_from) {
    after.as_object()["moved_from"] = {{"id", change.moved_from->id},
                                       {"name", change.moved_from->name}};
  }
  req.audit =
      http::AuditNote{"inspector", std::to_string(id), ToJson(change.before, req.Today()), after};
  return JsonResponse(after);
}

Result<Response> HandleOptions(Request& req) { return JsonResponse(OptionsJson(*req.sql)); }

Result<Group> ReadKind(const Request& req) {
  SSJ_ASSIGN(std::optional<Group> group, ReadGroup(req, "kind"));
  return group.value_or(Group::kInspectors);
}

Result<Response> HandleImport(Request& req) {
  ImportOptions options;
  SSJ_ASSIGN(options.group, ReadKind(req));
  SSJ_TRY(importer::ReadUploadOptions(req, &options));
  options.today = req.Today();
  options.department_allowed = importer::ScopeCheck(*req.sql, *req.principal);
  SSJ_ASSIGN(importer::RecordSource source, importer::UploadSource(req));
  SSJ_ASSIGN(importer::ImportReport report,
             ImportInspectors(*req.sql, req.services->db->backend(), source, options));
  return JsonResponse(importer::ReportJson(report));
}

Result<Response> HandleTemplate(Request& req) {
  SSJ_ASSIGN(Group group, ReadKind(req));
  SSJ_ASSIGN(std::string bytes, importer::TemplateBytes(InspectorTemplate(*req.sql, group)));
  const bool inspectors = group == Group::kInspectors;
  return http::Download(std::move(bytes), http::kXlsxType,
                        inspectors ? "inspectors-template.xlsx" : "experts-template.xlsx",
                        inspectors ? "执法检查人员导入模板.xlsx" : "专家和辅助人员导入模板.xlsx");
}

Result<Response> HandlePublicList(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  auto page =
      repo::ListPublic(*req.sql, req.Query("q").substr(0, 60),
                       req.Query("department").substr(0, 60), params.page, params.page_size);
  json::array items;
  for (const PublicInspector& p : page.items) items.push_back(ToJson(p));
  return JsonResponse(http::PageJson(std::move(items), page.total, params));
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kPerm = Access::kPermission;
  const char* kGroup = "执法检查人员名录库";
  router.Add(Method::kGet, "/api/v1/inspectors", kPerm, "directory:inspector:list", "",
             "执法检查人员、专家和辅助人员（搜索、分页）", kGroup, HandleList);
  router.Add(Method::kGet, "/api/v1/inspectors/options", kPerm, "directory:inspector:list", "",
             "人员字典（类别、性别、状态、业务专长）", kGroup, HandleOptions);
  router.Add(Method::kGet, "/api/v1/inspectors/{id}", kPerm, "directory:inspector:list", "",
             "人员详情与变更历史", kGroup, HandleGet);
  router.Add(Method::kPost, "/api/v1/inspectors", kPerm, "directory:inspector:add",
             "directory:inspector:add", "登记人员", kGroup, HandleCreate);
  router.Add(Method::kPut, "/api/v1/inspectors/{id}", kPerm, "directory:inspector:edit",
             "directory:inspector:edit", "修改人员", kGroup, HandleUpdate);
  router.Add(Method::kGet, "/api/v1/inspectors/{id}/accounts", kPerm, "directory:inspector:edit",
             "", "可关联的登录账号（本人所在部门的在用账号）", kGroup, HandleAccountOptions);
  router.Add(Method::kPut, "/api/v1/inspectors/{id}/account", kPerm, "directory:inspector:edit",
             "directory:inspector:account", "关联或解除登录账号（检查人员登录后查看本人任务）",
             kGroup, HandleLinkAccount);
  importer::AddImportRoutes(router, "/api/v1/inspectors", "directory:inspector:import",
                            "人员（kind=inspectors 为附录 C.1，experts 为专家和辅助人员）", kGroup,
                            HandleImport, HandleTemplate, 64u << 20);
  router.Add(Method::kGet, "/api/v1/public/inspectors", Access::kPublic, "", "",
             "执法检查人员名录公示（无需登录，不含电话和证件号码）", "公示", HandlePublicList);
}

}  // namespace ssj::inspectors
