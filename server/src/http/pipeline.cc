#include "http/pipeline.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <cctype>

#include "audit/audit.h"
#include "audit/audit_repo.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "db/database.h"
#include "org/auth.h"
#include "org/org_types.h"
#include "ratelimit/ratelimit.h"

namespace ssj::http {
namespace {

Error Forbidden(std::string code, std::string message) {
  return Error{ErrorKind::kForbidden, std::move(code), std::move(message), {}};
}

bool IsBusy(const std::exception& e) {
  std::string_view what = e.what();
  return what.find("database is locked") != std::string_view::npos ||
         what.find("could not serialize") != std::string_view::npos ||
         what.find("deadlock detected") != std::string_view::npos;
}

bool IsConnectionLost(const std::exception& e) {
  std::string_view what = e.what();
  return what.find("server closed the connection") != std::string_view::npos ||
         what.find("no connection to the server") != std::string_view::npos ||
         what.find("terminating connection") != std::string_view::npos;
}

audit::Actor ActorOf(const Request& request) {
  if (const org::Principal* p = request.principal) {
    return audit::Actor{p->user_id, p->username, p->department_id, request.ip};
  }
  audit::Actor actor;
  actor.username = "anonymous";
  actor.ip = request.ip;
  return actor;
}

// A state-changing request an authenticated user made and a rule refused (a permission it lacks,
// a step out of order, approving one's own request, a wrong secret …) is recorded as
// "<audit tag>:refused" with the error, so that attempts are visible, not only successes.
// Failures of the system itself (500, 503) are logged, not audited.
void AuditRefusal(const Route& route, Services& services, const Request& request,
                  soci::session& sql, const Error& error) {
  if (route.audit_tag.empty() || error.kind == ErrorKind::kInternal ||
      error.kind == ErrorKind::kUnavailable) {
    return;
  }
  std::string object_id = request.audit.object_id;
  if (object_id.empty()) {
    auto it = request.path_params.find("id");
    if (it != request.path_params.end()) object_id = it->second;
  }
  std::string object_type = request.audit.object_type;
  if (object_type.empty()) object_type = route.audit_tag.substr(0, route.audit_tag.find(':'));
  boost::json::object refused{{"code", error.code}, {"message", error.message}};
  if (!error.details.empty()) {
    boost::json::object details = error.details;
    // A refused value of a secret field (a weak password, a wrong secret) stays out of the log.
    const boost::json::value* field = details.if_contains("field");
    if (field && field->is_string() && audit::IsSecretKey(field->as_string()))
      details.erase("value");
    refused["details"] = std::move(details);
  }
  try {
    db::Transaction tx(sql, services.db->backend());
    audit::Append(sql, ActorOf(request),
                  audit::Change{route.audit_tag + ":refused", object_type, object_id, nullptr,
                                boost::json::object{{"refused", std::move(refused)}}},
                  services.clock->NowMillis());
    tx.Commit();
  } catch (const std::exception& e) {
    // The refusal stands either way; losing its audit entry must not turn it into a 500.
    spdlog::error("audit of a refused {} {} failed: {}", MethodName(request.method), request.path,
                  e.what());
  }
}

Result<Response> Run(const Route& route, Services& services, Request& request, db::Lease& sql) {
  request.services = &services;
  request.sql = &*sql;
  std::optional<org::Principal> principal;
  if (route.access != Access::kPublic) {
    SSJ_ASSIGN(principal, org::Authenticate(*sql, services, request.session_token));
    principal->ip = request.ip;
    request.principal = &*principal;
    request.log_user = principal->username;
    if (IsWrite(route.method) && !ConstantTimeEquals(request.csrf_header, principal->csrf_token)) {
      return Forbidden("csrf.invalid", "请求缺少有效的 CSRF 令牌，请刷新页面后重试");
    }
    if (route.access == Access::kPermission && !principal->Has(route.permission)) {
      Error e = Forbidden("auth.forbidden", "没有权限执行此操作");
      e.details["permission"] = route.permission;
      if (IsWrite(route.method)) AuditRefusal(route, services, request, *sql, e);
      return e;
    }
  }
  if (route.rate_limit.requests > 0) {
    // In its own transaction, ahead of the handler's: a request the handler refuses (a wrong
    // verification code) still counts.
    Status taken = [&]() -> Status {
      db::Transaction tx(*sql, services.db->backend());
      SSJ_TRY(ratelimit::Take(*sql, std::string(MethodName(route.method)) + " " + route.pattern,
                              request.ip, route.rate_limit, services.clock->NowMillis()));
      tx.Commit();
      return OkStatus();
    }();
    if (!taken.ok()) return taken.take_error();
  }
  if (!IsWrite(route.method) || route.tx == TxMode::kSelf) return route.handler(request);

  Result<Response> response = [&]() -> Result<Response> {
    db::Transaction tx(*sql, services.db->backend());
    SSJ_ASSIGN(Response ok, route.handler(request));
    audit::Append(*sql, ActorOf(request),
                  audit::Change{route.audit_tag, request.audit.object_type, request.audit.object_id,
                                request.audit.before, request.audit.after},
                  services.clock->NowMillis());
    tx.Commit();
    return ok;
  }();
  // The handler's transaction is rolled back; the refusal is recorded in its own.
  if (!response.ok() && principal) AuditRefusal(route, services, request, *sql, response.error());
  return response;
}

}  // namespace

int StatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidArgument:
      return 400;
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kTooManyRequests:
      return 429;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(const Error& error) {
  Response response = JsonResponse(
      boost::json::object{
          {"code", error.code}, {"message", error.message}, {"details", error.details}},
      StatusFor(error.kind));
  if (error.kind == ErrorKind::kTooManyRequests && error.details.contains("retry_after_seconds")) {
    response.headers.emplace_back(
        "Retry-After",
        std::to_string(error.details.at("retry_after_seconds").to_number<int64_t>()));
  }
  return response;
}

Response RunRoute(const Route& route, Services& services, Request& request) {
  if (!route.needs_db) {
    request.services = &services;
    auto result = route.handler(request);
    return result.ok() ? std::move(result).value() : ErrorResponse(result.error());
  }
  try {
    db::Lease sql = services.db->Acquire();
    try {
      auto result = Run(route, services, request, sql);
      return result.ok() ? std::move(result).value() : ErrorResponse(result.error());
    } catch (const std::exception& e) {
      if (IsConnectionLost(e)) {
        try {
          sql->reconnect();
        } catch (...) {
        }
      }
      throw;
    }
  } catch (const std::exception& e) {
    if (IsBusy(e)) {
      spdlog::warn("busy: {} {}: {}", MethodName(request.method), request.path, e.what());
      return ErrorResponse(Error{ErrorKind::kUnavailable, "db.busy", "系统繁忙，请稍后重试", {}});
    }
    if (IsConnectionLost(e)) {
      spdlog::error("database connection lost: {} {}: {}", MethodName(request.method), request.path,
                    e.what());
      return ErrorResponse(
          Error{ErrorKind::kUnavailable, "db.unavailable", "数据库暂时不可用，请稍后重试", {}});
    }
    spdlog::error("internal error: {} {}: {}", MethodName(request.method), request.path, e.what());
    return ErrorResponse(Error::Internal("服务器内部错误，请联系管理员"));
  }
}

Response NoRoute(const Match& match) {
  {
    if (!match.allowed.empty()) {
      Response r = ErrorResponse(
          Error{ErrorKind::kInvalidArgument, "route.method_not_allowed", "不支持该请求方法", {}});
      r.status = 405;
      std::string allow;
      for (Method m : match.allowed)
        allow += (allow.empty() ? "" : ", ") + std::string(MethodName(m));
      r.headers.emplace_back("Allow", allow);
      return r;
    }
    return ErrorResponse(Error{ErrorKind::kNotFound, "route.not_found", "接口不存在", {}});
  }
}

Response Dispatch(const Router& router, Services& services, Request& request) {
  Match match = router.Find(request.method, request.path);
  if (!match.route) return NoRoute(match);
  request.path_params = std::move(match.params);
  return RunRoute(*match.route, services, request);
}

Result<std::string> StringField(const boost::json::value& body, std::string_view field,
                                bool required, size_t max_bytes) {
  const boost::json::value* v = body.is_object() ? body.get_object().if_contains(field) : nullptr;
  if (!v || v->is_null()) {
    if (required) return Error::InvalidField(std::string(field), "缺少字段 " + std::string(field));
    return std::string();
  }
  if (!v->is_string())
    return Error::InvalidField(std::string(field), "字段 " + std::string(field) + " 应为字符串");
  std::string out(v->get_string());
  if (out.size() > max_bytes)
    return Error::InvalidField(std::string(field), "字段 " + std::string(field) + " 过长");
  // Trim surrounding spaces: pasted values from spreadsheets often carry them.
  size_t first = out.find_first_not_of(" \t\r\n");
  size_t last = out.find_last_not_of(" \t\r\n");
  out = first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
  if (required && out.empty())
    return Error::InvalidField(std::string(field), "字段 " + std::string(field) + " 不能为空");
  return out;
}

Result<int64_t> IntField(const boost::json::value& body, std::string_view field, bool required,
                         int64_t fallback) {
  const boost::json::value* v = body.is_object() ? body.get_object().if_contains(field) : nullptr;
  if (!v || v->is_null()) {
    if (required) return Error::InvalidField(std::string(field), "缺少字段 " + std::string(field));
    return fallback;
  }
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= INT64_MAX) return static_cast<int64_t>(v->get_uint64());
  return Error::InvalidField(std::string(field), "字段 " + std::string(field) + " 应为整数",
                             boost::json::serialize(*v).substr(0, 64));
}

Result<std::optional<int64_t>> OptionalIntField(const boost::json::value& body,
                                                std::string_view field) {
  const boost::json::value* v = body.is_object() ? body.get_object().if_contains(field) : nullptr;
  if (!v || v->is_null()) return std::optional<int64_t>();
  SSJ_ASSIGN(int64_t value, IntField(body, field));
  return std::optional<int64_t>(value);
}

Result<std::vector<int64_t>> IntArrayField(const boost::json::value& body, std::string_view field) {
  const boost::json::value* v = body.is_object() ? body.get_object().if_contains(field) : nullptr;
  std::vector<int64_t> out;
  if (!v || v->is_null()) return out;
  if (!v->is_array())
    return Error::InvalidField(std::string(field), "字段 " + std::string(field) + " 应为整数数组");
  for (const auto& item : v->get_array()) {
    if (!item.is_int64())
      return Error::InvalidField(std::string(field),
                                 "字段 " + std::string(field) + " 应为整数数组");
    out.push_back(item.get_int64());
  }
  return out;
}

Result<std::vector<std::string>> StringArrayField(const boost::json::value& body,
                                                  std::string_view field) {
  const boost::json::value* v = body.is_object() ? body.get_object().if_contains(field) : nullptr;
  std::vector<std::string> out;
  if (!v || v->is_null()) return out;
  if (!v->is_array())
    return Error::InvalidField(std::string(field),
                               "字段 " + std::string(field) + " 应为字符串数组");
  for (const auto& item : v->get_array()) {
    if (!item.is_string())
      return Error::InvalidField(std::string(field),
                                 "字段 " + std::string(field) + " 应为字符串数组");
    out.emplace_back(item.get_string());
  }
  return out;
}

boost::json::value PageJson(boost::json::array items, int64_t total, const PageParams& params,
                            bool capped) {
  return {{"items", std::move(items)},
          {"total", total},
          {"total_capped", capped},
          {"page", params.page},
          {"page_size", params.page_size}};
}

Response Download(std::string bytes, const std::string& content_type, const std::string& ascii_name,
                  const std::string& utf8_name) {
  std::string encoded;
  for (unsigned char c : utf8_name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      static const char* kHex = "0123456789ABCDEF";
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  Response response;
  response.raw_body = std::move(bytes);
  response.content_type = content_type;
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + ascii_name +
                                                           "\"; filename*=UTF-8''" + encoded);
  return response;
}

Result<int64_t> ReadOptionalId(const Request& request, std::string_view name) {
  const std::string value = request.Query(name);
  if (value.empty()) return int64_t{0};
  if (value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos)
    return Error::InvalidField(std::string(name), "应为整数编号", value.substr(0, 32));
  return std::stoll(value);
}

Result<PageParams> ReadPage(const Request& request) {
  PageParams params;
  auto read = [&](std::string_view name, int64_t lo, int64_t hi, int64_t* out) -> Status {
    std::string text = request.Query(name);
    if (text.empty()) return OkStatus();
    if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoll(text) < lo || std::stoll(text) > hi) {
      return Error::InvalidField(
          std::string(name),
          std::string(name) + " 应为 " + std::to_string(lo) + "–" + std::to_string(hi) + " 的整数",
          text.substr(0, 32));
    }
    *out = std::stoll(text);
    return OkStatus();
  };
  SSJ_TRY(read("page", 1, 100000000, &params.page));
  SSJ_TRY(read("page_size", 1, 200, &params.page_size));
  return params;
}

Result<std::string> ReadTimeParam(const Request& request, std::string_view name, bool end_of_day) {
  std::string text = request.Query(name);
  if (text.empty()) return text;
  int64_t millis = 0;
  if (!ParseIsoMillis(text, &millis)) {
    return Error::InvalidField(std::string(name), "时间格式应为 YYYY-MM-DD 或 ISO 8601",
                               text.substr(0, 32));
  }
  if (end_of_day && text.size() == 10) millis += 24LL * 3600 * 1000;
  return FormatIsoMillis(millis);
}

}  // namespace ssj::http
