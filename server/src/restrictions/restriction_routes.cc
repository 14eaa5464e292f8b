#include "restrictions/restriction_routes.h"

#include <boost/json.hpp>

#include "common/clock.h"
#include "http/pipeline.h"
#include "importer/import_routes.h"
#include "restrictions/export.h"
#include "restrictions/restriction_repo.h"
#include "restrictions/restriction_service.h"

namespace ssj::restrictions {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

Context ContextOf(Request& req) {
  const int64_t now = req.services->clock->NowMillis();
  return {*req.sql, req.principal, FormatIsoMillis(now), ChinaDate(now)};
}

// The list and its export read the same parameters (restrictions/export.h).
Result<Filter> ListFilter(const Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  ExportParams query;
  for (const char* name : {"q", "status", "current", "inspector_id", "target_id"}) {
    if (std::string value = req.Query(name); !value.empty()) query[name] = std::move(value);
  }
  SSJ_ASSIGN(Filter f, ReadFilter(query, ChinaDate(req.services->clock->NowMillis())));
  f.page = params.page;
  f.page_size = params.page_size;
  return f;
}

template <Kind kKind>
Result<Response> HandleList(Request& req) {
  SSJ_ASSIGN(Filter f, ListFilter(req));
  json::array items;
  int64_t total = 0;
  if constexpr (kKind == Kind::kConflicts) {
    auto page = repo::ListConflicts(*req.sql, req.principal, f);
    for (const Conflict& c : page.items) items.push_back(ToJson(c, f.today));
    total = page.total;
  } else {
    auto page = repo::ListExemptions(*req.sql, req.principal, f);
    for (const Exemption& e : page.items) items.push_back(ToJson(e, f.today));
    total = page.total;
  }
  return JsonResponse(http::PageJson(std::move(items), total, {f.page, f.page_size}));
}

template <class Record>
Response Created(Request& req, const char* object, const Record& record) {
  json::value out = ToJson(record, ChinaDate(req.services->clock->NowMillis()));
  req.audit = http::AuditNote{object, std::to_string(record.id), nullptr, out};
  return JsonResponse(out, 201);
}

Result<Response> HandleRecordConflict(Request& req) {
  SSJ_ASSIGN(Conflict c, RecordConflict(ContextOf(req), req.body));
  return Created(req, "conflict", c);
}

Result<Response> HandleDeclareConflict(Request& req) {
  SSJ_ASSIGN(Conflict c, DeclareConflict(ContextOf(req), req.body));
  return Created(req, "conflict", c);
}

Result<Response> HandleRecordExemption(Request& req) {
  SSJ_ASSIGN(Exemption e, RecordExemption(ContextOf(req), req.body));
  return Created(req, "exemption", e);
}

template <Kind kKind>
Result<Response> HandleRevoke(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  Context c = ContextOf(req);
  SSJ_ASSIGN(json::value before, Revoke(c, kKind, id, req.body));
  json::value after;
  if constexpr (kKind == Kind::kConflicts) {
    after = ToJson(*repo::GetConflict(*req.sql, nullptr, id), c.today);
  } else {
    after = ToJson(*repo::GetExemption(*req.sql, nullptr, id), c.today);
  }
  req.audit = http::AuditNote{kKind == Kind::kConflicts ? "conflict" : "exemption",
                              std::to_string(id), std::move(before), after};
  return JsonResponse(after);
}

template <Kind kKind>
Result<Response> HandleImport(Request& req) {
  ImportOptions options;
  options.kind = kKind;
  SSJ_TRY(importer::ReadUploadOptions(req, &options));
  options.today = ChinaDate(options.now_millis);
  options.department_allowed = importer::ScopeCheck(*req.sql, *req.principal);
  SSJ_ASSIGN(importer::RecordSource source, importer::UploadSource(req));
  SSJ_ASSIGN(importer::ImportReport report,
             ImportRestrictions(*req.sql, req.services->db->backend(), source, options));
  return JsonResponse(importer::ReportJson(report));
}

template <Kind kKind>
Result<Response> HandleTemplate(Request&) {
  SSJ_ASSIGN(std::string bytes, importer::TemplateBytes(RestrictionTemplate(kKind)));
  const bool conflicts = kKind == Kind::kConflicts;
  return http::Download(std::move(bytes), http::kXlsxType,
                        conflicts ? "conflicts-template.xlsx" : "exemptions-template.xlsx",
                        conflicts ? "利害关系导入模板.xlsx" : "免检免扰导入模板.xlsx");
}

template <Kind kKind>
void AddKind(http::Router& router, const std::string& base, const std::string& perm,
             const char* noun, const char* group) {
  const auto kPerm = Access::kPermission;
  router.Add(Method::kGet, base, kPerm, perm + ":list", "", std::string(noun) + "（搜索、分页）",
             group, HandleList<kKind>);
  router.Add(Method::kPost, base + "/{id}/revoke", kPerm, perm + ":edit", perm + ":edit",
             std::string("撤销") + noun + "记录（须填写原因）", group, HandleRevoke<kKind>);
  importer::AddImportRoutes(router, base, perm + ":import", noun, group, HandleImport<kKind>,
                            HandleTemplate<kKind>, 64u << 20);
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  AddKind<Kind::kConflicts>(router, "/api/v1/conflicts", "directory:conflict", "利害关系",
                            "利害关系");
  router.Add(Method::kPost, "/api/v1/conflicts", Access::kPermission, "directory:conflict:add",
             "directory:conflict:add", "登记利害关系（工作人员登记）", "利害关系",
             HandleRecordConflict);
  router.Add(Method::kPost, "/api/v1/me/conflicts", Access::kAuthenticated, "", "conflict:declare",
             "执法检查人员自行申报利害关系", "利害关系", HandleDeclareConflict);
  AddKind<Kind::kExemptions>(router, "/api/v1/exemptions", "directory:exemption", "免检免扰",
                             "免检免扰");
  router.Add(Method::kPost, "/api/v1/exemptions", Access::kPermission, "directory:exemption:add",
             "directory:exemption:add", "登记免检免扰", "免检免扰", HandleRecordExemption);
}

}  // namespace ssj::restrictions
