#include "catalog/catalog_routes.h"

#include <boost/json.hpp>

#include "catalog/catalog.h"
#include "catalog/catalog_repo.h"
#include "catalog/catalog_service.h"
#include "common/clock.h"
#include "http/pipeline.h"
#include "importer/import_routes.h"
#include "importer/template.h"

namespace ssj::catalog {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

template <size_t N>
Status OneOfOrEmpty(const std::string& field, const std::string& value,
                    const char* const (&allowed)[N]) {
  if (value.empty() || OneOf(value, allowed)) return OkStatus();
  return Error::InvalidField(field, "不是可选的值", value.substr(0, 32));
}

void Audit(Request& req, const Change& change) {
  req.audit = http::AuditNote{"catalog_item", std::to_string(change.after.id),
                              ToJson(change.before), ToJson(change.after)};
}

Result<Response> HandleList(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  ItemFilter f;
  f.q = req.Query("q").substr(0, 100);
  f.domain = req.Query("domain").substr(0, 150);
  f.category = req.Query("category");
  f.status = req.Query("status");
  SSJ_TRY(OneOfOrEmpty("category", f.category, kCategories));
  SSJ_TRY(OneOfOrEmpty("status", f.status, kStatuses));
  const std::string dept = req.Query("department_id");
  if (!dept.empty()) {
    if (dept.size() > 18 || dept.find_first_not_of("0123456789") != std::string::npos)
      return Error::InvalidField("department_id", "部门编号应为整数", dept.substr(0, 32));
    f.department_id = std::stoll(dept);
  }
  f.page = params.page;
  f.page_size = params.page_size;
  auto page = repo::List(*req.sql, req.principal, f);
  json::array items;
  for (const Item& item : page.items) items.push_back(ToJson(item));
  return JsonResponse(http::PageJson(std::move(items), page.total, params));
}

Result<Response> HandleGet(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto found = repo::Get(*req.sql, req.principal, id);
  if (!found) return Error::NotFound("抽查事项");
  json::array versions;
  for (const ItemVersion& v : repo::Versions(*req.sql, id)) versions.push_back(ToJson(v));
  json::value out = ToJson(*found);
  out.as_object()["versions"] = std::move(versions);
  return JsonResponse(out);
}

Result<Response> HandleCreate(Request& req) {
  SSJ_ASSIGN(Item item, CreateItem(*req.sql, *req.principal, req.body, req.Now()));
  json::value out = ToJson(item);
  req.audit = http::AuditNote{"catalog_item", std::to_string(item.id), nullptr, out};
  return JsonResponse(out, 201);
}

Result<Response> HandleUpdate(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(Change change, UpdateItem(*req.sql, *req.principal, id, req.body, req.Now()));
  Audit(req, change);
  return JsonResponse(ToJson(change.after));
}

Result<Response> HandlePublish(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(Change change, PublishItem(*req.sql, *req.principal, id, req.Now()));
  Audit(req, change);
  return JsonResponse(ToJson(change.after));
}

Result<Response> HandleRetire(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  std::string reason;
  if (!req.body.is_null()) {
    SSJ_ASSIGN(reason, http::StringField(req.body, "reason", false, 600));
  }
  SSJ_ASSIGN(Change change, RetireItem(*req.sql, *req.principal, id, reason, req.Now()));
  Audit(req, change);
  if (!reason.empty()) req.audit.after.as_object()["retire_reason"] = reason;
  return JsonResponse(ToJson(change.after));
}

Result<Response> HandleOptions(Request& req) { return JsonResponse(OptionsJson(*req.sql)); }

Result<Response> HandleImport(Request& req) {
  ImportOptions options;
  SSJ_TRY(importer::ReadUploadOptions(req, &options));
  options.department_allowed = importer::ScopeCheck(*req.sql, *req.principal);
  SSJ_ASSIGN(importer::RecordSource source, importer::UploadSource(req));
  SSJ_ASSIGN(importer::ImportReport report,
             ImportItems(*req.sql, req.services->db->backend(), source, options));
  return JsonResponse(importer::ReportJson(report));
}

Result<Response> HandleTemplate(Request& req) {
  SSJ_ASSIGN(std::string bytes, importer::TemplateBytes(ItemTemplate(*req.sql)));
  return http::Download(std::move(bytes), http::kXlsxType, "items-template.xlsx",
                        "抽查事项清单导入模板.xlsx");
}

Result<Response> HandlePublicList(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  auto page =
      repo::ListPublic(*req.sql, req.Query("q").substr(0, 100), req.Query("domain").substr(0, 150),
                       req.Query("department").substr(0, 60), params.page, params.page_size);
  json::array items;
  for (const PublicItem& p : page.items) items.push_back(ToJson(p));
  json::value out = http::PageJson(std::move(items), page.total, params);
  json::array domains;
  for (const std::string& d : repo::Domains(*req.sql, true)) domains.emplace_back(d);
  out.as_object()["domains"] = std::move(domains);  // for the portal's filter
  return JsonResponse(out);
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kPerm = Access::kPermission;
  const char* kGroup = "抽查事项清单";
  router.Add(Method::kGet, "/api/v1/items", kPerm, "catalog:item:list", "",
             "抽查事项（搜索、分页）", kGroup, HandleList);
  router.Add(Method::kGet, "/api/v1/items/options", kPerm, "catalog:item:list", "",
             "抽查事项字典（类别、检查方式、对象类型、事项性质、业务专长等）", kGroup,
             HandleOptions);
  router.Add(Method::kGet, "/api/v1/items/{id}", kPerm, "catalog:item:list", "",
             "抽查事项详情与全部版本", kGroup, HandleGet);
  router.Add(Method::kPost, "/api/v1/items", kPerm, "catalog:item:add", "catalog:item:add",
             "新增抽查事项（草稿）", kGroup, HandleCreate);
  router.Add(Method::kPut, "/api/v1/items/{id}", kPerm, "catalog:item:edit", "catalog:item:edit",
             "修改抽查事项（已发布的事项形成新的草稿版本）", kGroup, HandleUpdate);
  router.Add(Method::kPost, "/api/v1/items/{id}/publish", kPerm, "catalog:item:publish",
             "catalog:item:publish", "发布抽查事项的最新版本", kGroup, HandlePublish);
  router.Add(Method::kPost, "/api/v1/items/{id}/retire", kPerm, "catalog:item:publish",
             "catalog:item:retire", "停用抽查事项（从公示清单撤下）", kGroup, HandleRetire);
  importer::AddImportRoutes(router, "/api/v1/items", "catalog:item:import",
                            "抽查事项清单（附录 A.1 的列及补充列）", kGroup, HandleImport,
                            HandleTemplate, 16u << 20);
  router.Add(Method::kGet, "/api/v1/public/items", Access::kPublic, "", "",
             "抽查事项清单公示（无需登录，仅已发布版本）", "公示", HandlePublicList);
}

}  // namespace ssj::catalog
