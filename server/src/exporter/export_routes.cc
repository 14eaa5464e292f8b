#include "exporter/export_routes.h"

#include <boost/json.hpp>
#include <fstream>
#include <iterator>

#include "audit/audit_repo.h"
#include "common/clock.h"
#include "db/database.h"
#include "exporter/export_jobs.h"
#include "exporter/export_kinds.h"
#include "http/pipeline.h"
#include "org/org_types.h"

namespace ssj::exporter {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

Error Forbidden(const Kind& kind) {
  Error e{ErrorKind::kForbidden, "auth.forbidden", "没有权限导出" + kind.title, {}};
  e.details["permission"] = kind.permission;
  return e;
}

Result<ExportJobs*> Jobs(const Request& req) {
  if (!req.services->exports) {
    return Error{ErrorKind::kUnavailable, "export.unavailable", "本服务未启用导出功能", {}};
  }
  return req.services->exports;
}

// The body's "filter" object as parameters: strings as they are, numbers (department_id) and
// booleans (current) as the query string would spell them; null and "" mean no condition.
Result<Params> ReadFilter(const json::value& body) {
  Params params;
  const json::value* filter = body.is_object() ? body.as_object().if_contains("filter") : nullptr;
  if (!filter || filter->is_null()) return params;
  if (!filter->is_object()) return Error::InvalidField("filter", "筛选条件应为对象");
  for (const auto& [key, value] : filter->as_object()) {
    const std::string name(key);
    std::string text;
    if (value.is_string()) {
      text = std::string(value.as_string());
    } else if (value.is_int64()) {
      text = std::to_string(value.as_int64());
    } else if (value.is_uint64()) {
      text = std::to_string(value.as_uint64());
    } else if (value.is_bool()) {
      text = value.as_bool() ? "true" : "false";
    } else if (!value.is_null()) {
      return Error::InvalidField("filter", "筛选条件“" + name.substr(0, 40) + "”应为字符串或数字");
    }
    if (text.size() > 200)
      return Error::InvalidField("filter", "筛选条件“" + name.substr(0, 40) + "”过长");
    if (!text.empty()) params[name] = std::move(text);
  }
  return params;
}

json::object FilterJson(const Params& params) {
  json::object out;
  for (const auto& [key, value] : params) out[key] = value;
  return out;
}

json::value JobJson(const JobInfo& info) {
  json::object out{{"id", info.id},
                   {"kind", info.kind},
                   {"format", FormatName(info.format)},
                   {"status", StateName(info.state)},
                   {"rows", info.rows},
                   {"file_name", info.file_name},
                   {"created_at", FormatIsoMillis(info.created_at)}};
  if (info.state == JobState::kFailed) out["error"] = info.error;
  if (info.state == JobState::kDone) out["bytes"] = info.bytes;
  return out;
}

// A job of the caller's, by the id in the path; anyone else's (or a malformed id) is not found.
Result<JobInfo> FindJob(const Request& req) {
  SSJ_ASSIGN(ExportJobs * jobs, Jobs(req));
  auto it = req.path_params.find("id");
  const std::string id = it == req.path_params.end() ? "" : it->second;
  std::optional<JobInfo> info;
  if (id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string::npos)
    info = jobs->Get(id, req.principal->user_id);
  if (!info) return Error::NotFound("导出任务");
  return *info;
}

// kSelf: the audit entry is committed before the job reads anything, so there is no export
// without its entry, and a refused one (busy, bad filter) leaves none.
Result<Response> HandleStart(Request& req) {
  SSJ_ASSIGN(ExportJobs * jobs, Jobs(req));
  SSJ_ASSIGN(std::string kind_name, http::StringField(req.body, "kind", true, 32));
  const Kind* kind = FindKind(kind_name);
  if (!kind) {
    return Error::InvalidField("kind", "不支持导出“" + kind_name + "”；可导出：" + KindNames(),
                               kind_name);
  }
  // Before the filter is looked at: without the permission there is nothing to discuss.
  if (!req.principal->Has(kind->permission)) return Forbidden(*kind);
  SSJ_ASSIGN(std::string format_name, http::StringField(req.body, "format", false, 16));
  const std::optional<Format> format = ParseFormat(format_name.empty() ? "xlsx" : format_name);
  if (!format) return Error::InvalidField("format", "导出格式应为 xlsx 或 csv", format_name);
  SSJ_ASSIGN(Params filter, ReadFilter(req.body));
  const int64_t now = req.services->clock->NowMillis();
  SSJ_TRY(CheckFilter(*kind, filter, now));

  const org::Principal& who = *req.principal;
  JobSpec spec;
  spec.kind = kind;
  spec.format = *format;
  spec.filter = filter;
  spec.principal = who;
  // The job needs the scope, not the session's secrets.
  spec.principal->token_hash.clear();
  spec.principal->csrf_token.clear();
  spec.owner = who.user_id;
  const audit::Actor actor{who.user_id, who.username, who.department_id, req.ip};
  auto record = [&](const JobInfo& info) -> Status {
    db::Transaction tx(*req.sql, req.services->db->backend());
    audit::Append(*req.sql, actor,
                  {kind->permission, "export", info.id, nullptr,
                   json::object{{"kind", kind->name},
                                {"format", FormatName(*format)},
                                {"filter", FilterJson(filter)},
                                {"file_name", info.file_name}}},
                  now);
    tx.Commit();
    return OkStatus();
  };
  SSJ_ASSIGN(JobInfo info, jobs->Start(std::move(spec), record));
  return JsonResponse(JobJson(info), 202);
}

Result<Response> HandleStatus(Request& req) {
  SSJ_ASSIGN(JobInfo info, FindJob(req));
  return JsonResponse(JobJson(info));
}

Result<Response> HandleFile(Request& req) {
  SSJ_ASSIGN(JobInfo info, FindJob(req));
  if (info.state == JobState::kRunning) {
    Error e{ErrorKind::kConflict,
            "export.not_ready",
            "导出尚未完成（已导出 " + std::to_string(info.rows) + " 行），请稍候再下载",
            {}};
    e.details["rows"] = info.rows;
    return e;
  }
  if (info.state == JobState::kFailed)
    return Error{ErrorKind::kConflict, "export.failed", info.error, {}};
  // The permission may have been withdrawn since the export started.
  const Kind* kind = FindKind(info.kind);
  if (!kind) return Error::NotFound("导出任务");
  if (!req.principal->Has(kind->permission)) return Forbidden(*kind);
  std::ifstream in(info.path, std::ios::binary);
  if (!in) return Error::NotFound("导出文件");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return http::Download(std::move(bytes), std::string(ContentType(info.format)), info.ascii_name,
                        info.file_name);
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const char* kGroup = "导出";
  // Any logged-in user may call these; each kind's export permission is checked in the handler
  // (the route table holds one permission per route, and the kind is in the body).
  router.Add(Method::kPost, "/api/v1/exports", Access::kAuthenticated, "", "export:start",
             "导出名录（XLSX 或 CSV，按筛选条件；后台任务，返回任务编号）", kGroup, HandleStart,
             http::TxMode::kSelf);
  router.Add(Method::kGet, "/api/v1/exports/{id}", Access::kAuthenticated, "", "",
             "导出任务的状态和已导出行数（仅发起人可查）", kGroup, HandleStatus);
  router.Add(Method::kGet, "/api/v1/exports/{id}/file", Access::kAuthenticated, "", "",
             "下载导出文件（完成后一小时内，仅发起人可下载）", kGroup, HandleFile);
}

}  // namespace ssj::exporter
