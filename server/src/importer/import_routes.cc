#include "importer/import_routes.h"

#include <map>
#include <memory>

#include "common/clock.h"
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
  if (req.upload.starts_with("PK")) {
    return Error::InvalidField("file",
                               "暂不支持直接导入 Excel 工作簿，请在 Excel 中“另存为”CSV 后再导入");
  }
  return CsvTextSource(std::move(req.upload));
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

}  // namespace ssj::importer
