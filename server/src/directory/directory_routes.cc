#include "directory/directory_routes.h"

#include <boost/json.hpp>
#include <map>

#include "common/clock.h"
#include "directory/directory.h"
#include "directory/directory_repo.h"
#include "directory/import.h"
#include "directory/targets.h"
#include "directory/template.h"
#include "http/pipeline.h"
#include "importer/import_routes.h"
#include "org/org_repo.h"

namespace ssj::directory {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

Result<Response> HandleList(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  TargetFilter f;
  f.kind = req.Query("kind");
  f.name = req.Query("name").substr(0, 100);
  f.code = req.Query("code").substr(0, 64);
  f.division = req.Query("division").substr(0, 12);
  f.industry_section = req.Query("industry_section").substr(0, 2);
  f.industry_division = req.Query("industry_division").substr(0, 2);
  f.status = req.Query("status");
  f.credit_class = req.Query("credit_class");
  f.tag = req.Query("tag");
  SSJ_TRY(CheckOneOf("kind", f.kind, kKinds));
  SSJ_TRY(CheckOneOf("status", f.status, kStatuses));
  SSJ_TRY(CheckOneOf("credit_class", f.credit_class, kClasses));
  SSJ_TRY(CheckOneOf("tag", f.tag, kTags));
  if (!f.division.empty() && !DivisionRange(f.division))
    return Error::InvalidField("division", "不是有效的行政区划代码", f.division);
  SSJ_ASSIGN(f.department_id, http::ReadOptionalId(req, "department_id"));
  f.page = params.page;
  f.page_size = params.page_size;
  auto page = repo::List(*req.sql, req.principal, f);
  json::array items;
  for (const Target& t : page.items) items.push_back(ListJson(t));
  return JsonResponse(http::PageJson(std::move(items), page.total, params, page.capped));
}

Result<Response> HandleGet(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto target = repo::Get(*req.sql, req.principal, id);
  if (!target) return Error::NotFound("检查对象");
  json::array history;
  for (const HistoryEntry& h : repo::History(*req.sql, id)) history.push_back(ToJson(h));
  json::value out = ToJson(*target);
  out.as_object()["history"] = std::move(history);
  return JsonResponse(out);
}

Result<Response> HandleCreate(Request& req) {
  SSJ_ASSIGN(Target target,
             CreateTarget(*req.sql, *req.principal, req.body, req.Now(), req.Today()));
  req.audit = http::AuditNote{"target", std::to_string(target.id), nullptr, ToJson(target)};
  return JsonResponse(ToJson(target), 201);
}

Result<Response> HandleUpdate(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(auto change,
             UpdateTarget(*req.sql, *req.principal, id, req.body, req.Now(), req.Today()));
  req.audit =
      http::AuditNote{"target", std::to_string(id), ToJson(*change.before), ToJson(change.after)};
  return JsonResponse(ToJson(change.after));
}

Result<Response> HandleOptions(Request&) { return JsonResponse(OptionsJson()); }

// The file is the request body. Bad rows are not an HTTP error: the answer is the report, with
// committed=false when nothing was written.
template <TargetKind kKind>
Result<Response> HandleImport(Request& req) {
  ImportOptions options;
  options.kind = kKind;
  options.today = req.Today();
  SSJ_TRY(importer::ReadUploadOptions(req, &options));
  options.default_department = req.principal->department_id;
  options.department_allowed = importer::ScopeCheck(*req.sql, *req.principal);
  SSJ_ASSIGN(importer::RecordSource source, importer::UploadSource(req));
  SSJ_ASSIGN(ImportReport report,
             ImportTargets(*req.sql, req.services->db->backend(), source, options));
  return JsonResponse(importer::ReportJson(report));
}

template <TargetKind kKind>
Result<Response> HandleTemplate(Request&) {
  SSJ_ASSIGN(std::string bytes, importer::TemplateBytes(TargetTemplate(kKind)));
  const KindInfo& info = Info(kKind);
  return http::Download(std::move(bytes), http::kXlsxType,
                        std::string(info.import_name) + "-template.xlsx",
                        std::string("检查对象（") + info.noun + "）导入模板.xlsx");
}

template <TargetKind kKind>
void AddKindImport(http::Router& router, const std::string& base) {
  const KindInfo& info = Info(kKind);
  importer::AddImportRoutes(router, base, "directory:target:import",
                            std::string("检查对象（") + info.noun + "，" + info.appendix + "）",
                            "检查对象名录库", HandleImport<kKind>, HandleTemplate<kKind>,
                            256u << 20);
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kPerm = Access::kPermission;
  router.Add(Method::kGet, "/api/v1/targets", kPerm, "directory:target:list", "",
             "检查对象名录（搜索、分页）", "检查对象名录库", HandleList);
  router.Add(Method::kGet, "/api/v1/targets/options", kPerm, "directory:target:list", "",
             "名录库字典（性质、状态、分类、标签、行业门类）", "检查对象名录库", HandleOptions);
  router.Add(Method::kGet, "/api/v1/targets/{id}", kPerm, "directory:target:list", "",
             "检查对象详情与变更历史", "检查对象名录库", HandleGet);
  router.Add(Method::kPost, "/api/v1/targets", kPerm, "directory:target:add",
             "directory:target:add",
             "登记检查对象（kind：entity 行政相对人、place 场地场所、product 产品）",
             "检查对象名录库", HandleCreate);
  AddKindImport<TargetKind::kEntity>(router, "/api/v1/targets");
  AddKindImport<TargetKind::kPlace>(router, "/api/v1/places");
  AddKindImport<TargetKind::kProduct>(router, "/api/v1/products");
  router.Add(Method::kPut, "/api/v1/targets/{id}", kPerm, "directory:target:edit",
             "directory:target:edit", "修改检查对象", "检查对象名录库", HandleUpdate);
}

}  // namespace ssj::directory
