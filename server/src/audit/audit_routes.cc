#include "audit/audit_routes.h"

#include <boost/json.hpp>

#include "audit/audit_repo.h"
#include "http/pipeline.h"

namespace ssj::audit {
namespace {

namespace json = boost::json;

json::value ParsedOrNull(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  json::value v = json::parse(*text, ec);
  return ec ? json::value(*text) : v;
}

Result<http::Response> HandleList(http::Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  ListFilter filter;
  filter.username = req.Query("user").substr(0, 64);
  filter.object_type = req.Query("object_type").substr(0, 64);
  filter.object_id = req.Query("object_id").substr(0, 64);
  filter.action = req.Query("action").substr(0, 64);
  SSJ_ASSIGN(filter.from, http::ReadTimeParam(req, "from", false));
  SSJ_ASSIGN(filter.to, http::ReadTimeParam(req, "to", true));
  filter.page = params.page;
  filter.page_size = params.page_size;
  Page page = List(*req.sql, filter);
  json::array items;
  for (const Entry& e : page.items) {
    items.push_back({{"seq", e.seq},
                     {"at", e.at},
                     {"user_id", e.user_id ? json::value(*e.user_id) : nullptr},
                     {"username", e.username},
                     {"department_id", e.department_id ? json::value(*e.department_id) : nullptr},
                     {"ip", e.ip},
                     {"action", e.action},
                     {"object_type", e.object_type},
                     {"object_id", e.object_id},
                     {"before", ParsedOrNull(e.before_json)},
                     {"after", ParsedOrNull(e.after_json)},
                     {"prev_hash", e.prev_hash},
                     {"hash", e.hash}});
  }
  return http::JsonResponse({{"items", std::move(items)},
                             {"total", page.total},
                             {"page", params.page},
                             {"page_size", params.page_size}});
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  http::Route route;
  route.method = http::Method::kGet;
  route.pattern = "/api/v1/audit";
  route.permission = "system:audit:list";
  route.summary = "操作日志（哈希链）";
  route.group = "日志";
  route.handler = HandleList;
  router.Add(std::move(route));
}

}  // namespace ssj::audit
