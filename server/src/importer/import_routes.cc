#include "importer/import_routes.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <memory>

#include "common/clock.h"
#include "http/pipeline.h"
#include "org/org_repo.h"

namespace ssj::importer {
namespace {

Result<bool> Flag(const http::Request& req, std::string_view name) {
  std::string value = req.Query(name, "false");
  if (value != "true" && value != "false")
    return Error::InvalidField(std::string(name), "应为 true 或 false", value.substr(0, 16));
  return value == "true";
}

}  // namespace

Status ReadUploadOptions(const http::Request& req, ImportOptions* options) {
  SSJ_ASSIGN(options->skip_invalid, Flag(req, "skip_invalid"));
  SSJ_ASSIGN(options->update_existing, Flag(req, "update_existing"));
  const org::Principal& who = *req.principal;
  options->actor = {who.user_id, who.username, who.department_id, req.ip};
  options->now_millis = req.services->clock->NowMillis();
  options->file_name = req.Query("file_name", "upload.csv").substr(0, 200);
  return OkStatus();
}

Result<RecordSource> UploadSource(http::Request& req) {
  if (req.upload.empty()) return Error::InvalidField("file", "没有收到文件内容");
  return OpenBufferSource(std::move(req.upload), req.Query("file_name", "upload").substr(0, 200));
}

std::function<bool(int64_t)> ScopeCheck(soci::session& sql, const org::Principal& who) {
  auto allowed = std::make_shared<std::map<int64_t, bool>>();
  return [&sql, &who, allowed](int64_t id) {
    auto it = allowed->find(id);
    if (it == allowed->end())
      it = allowed->emplace(id, org::repo::GetDepartment(sql, &who, id).has_value()).first;
    return it->second;
  };
}

namespace {

Result<http::Response> HandleReportWorkbook(http::Request& req) {
  // The body is taken raw (a report of 100 000 problems is larger than a JSON body may be).
  boost::system::error_code ec;
  const boost::json::value body = boost::json::parse(req.upload, ec);
  if (ec || !body.is_object()) return Error::InvalidField("body", "请求体应为 JSON 对象");
  const auto* list = body.as_object().if_contains("problems");
  if (!list || !list->is_array()) return Error::InvalidField("problems", "应为问题数组");
  ImportReport report;
  for (size_t i = 0; i < list->as_array().size(); ++i) {
    const auto& item = list->as_array()[i];
    const std::string field = "problems[" + std::to_string(i) + "]";
    if (!item.is_object()) return Error::InvalidField(field, "应为对象");
    RowProblem p;
    SSJ_ASSIGN(int64_t line, http::IntField(item, "line"));
    p.line = static_cast<size_t>(std::max<int64_t>(line, 0));
    SSJ_ASSIGN(p.column, http::StringField(item, "column", false, 200));
    SSJ_ASSIGN(p.value, http::StringField(item, "value", false, 4096));
    SSJ_ASSIGN(p.message, http::StringField(item, "message", true, 1000));
    SSJ_ASSIGN(std::string level, http::StringField(item, "level", false, 16));
    p.warning = level == "warning";
    report.problems.push_back(std::move(p));
  }
  SSJ_ASSIGN(report.problems_dropped, http::IntField(body, "problems_dropped", false, 0));
  SSJ_ASSIGN(std::string file_name, http::StringField(body, "file_name", false, 200));
  SSJ_ASSIGN(std::string bytes, ReportWorkbookBytes(file_name, report));
  return http::Download(std::move(bytes), http::kXlsxType, "import-problems.xlsx",
                        "导入问题清单.xlsx");
}

}  // namespace

void AddImportRoutes(http::Router& router, const std::string& base, const std::string& permission,
                     const std::string& what, const std::string& group, http::Handler import,
                     http::Handler template_download, size_t upload_limit) {
  http::Route upload{http::Method::kPost,
                     base + "/import",
                     http::Access::kPermission,
                     permission,
                     permission,
                     "导入" + what + "（CSV 或 XLSX；两步：先校验全部行，无误后写入）",
                     group,
                     std::move(import),
                     http::TxMode::kSelf};
  upload.upload_limit = upload_limit;
  router.Add(std::move(upload));
  router.Add(http::Method::kGet, base + "/import/template", http::Access::kPermission, permission,
             "", "下载" + what + "导入模板（XLSX）", group, std::move(template_download));
}

void RegisterRoutes(http::Router& router) {
  http::Route route;
  route.method = http::Method::kPost;
  route.pattern = "/api/v1/imports/report.xlsx";
  route.access = http::Access::kAuthenticated;
  route.summary = "把导入结果的问题清单转为 Excel 工作簿（行号、列、值、问题、级别）";
  route.group = "导入";
  route.audit_tag = "import:report";  // kSelf: nothing is written, so nothing is audited
  route.handler = HandleReportWorkbook;
  route.tx = http::TxMode::kSelf;  // writes nothing
  route.upload_limit = 32u << 20;
  router.Add(std::move(route));
}

}  // namespace ssj::importer
