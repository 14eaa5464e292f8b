#include <boost/json.hpp>
#include <stdexcept>

#include "common/clock.h"
#include "http/api.h"

namespace ssj::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

// Matches pre-split pattern segments against the path without allocating on a miss.
bool MatchSegments(const std::vector<std::string>& want, std::string_view path,
                   std::map<std::string, std::string>* params) {
  size_t pos = 0;
  std::map<std::string, std::string> found;
  for (const std::string& w : want) {
    while (pos < path.size() && path[pos] == '/') ++pos;
    if (pos >= path.size()) return false;
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    std::string_view got = path.substr(pos, end - pos);
    pos = end;
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      found[w.substr(1, w.size() - 2)] = std::string(got);
    } else if (w != got) {
      return false;
    }
  }
  while (pos < path.size() && path[pos] == '/') ++pos;
  if (pos != path.size()) return false;
  *params = std::move(found);
  return true;
}

}  // namespace

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
  }
  return "GET";
}

std::string Request::Query(std::string_view name, std::string fallback) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return fallback;
}

std::string Request::Now() const { return FormatIsoMillis(services->clock->NowMillis()); }
std::string Request::Today() const { return ChinaDate(services->clock->NowMillis()); }

Result<int64_t> Request::PathId(std::string_view name) const {
  auto it = path_params.find(std::string(name));
  if (it == path_params.end() || it->second.empty() || it->second.size() > 18 ||
      it->second.find_first_not_of("0123456789") != std::string::npos) {
    return Error::NotFound("对象");
  }
  return std::stoll(it->second);
}

Response JsonResponse(boost::json::value body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

void Router::Add(Route route) {
  if (IsWrite(route.method) && route.audit_tag.empty()) {
    throw std::logic_error("state-changing route without audit tag: " + route.pattern);
  }
  if (route.access == Access::kPermission && route.permission.empty()) {
    throw std::logic_error("route without permission: " + route.pattern);
  }
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::logic_error("duplicate route: " + route.pattern);
    }
  }
  std::vector<std::string> segments;
  for (std::string_view seg : Split(route.pattern)) segments.emplace_back(seg);
  segments_.push_back(std::move(segments));
  routes_.push_back(std::move(route));
}

Match Router::Find(Method method, std::string_view path) const {
  Match match;
  for (size_t route_idx = 0; route_idx < routes_.size(); ++route_idx) {
    const Route& route = routes_[route_idx];
    std::map<std::string, std::string> params;
    if (!MatchSegments(segments_[route_idx], path, &params)) continue;
    if (route.method == method) {
      match.route = &route;
      match.params = std::move(params);
      return match;
    }
    match.allowed.push_back(route.method);
  }
  return match;
}

boost::json::value OpenApi(const Router& router, const std::string& version) {
  namespace json = boost::json;
  json::object paths;
  for (const Route& route : router.routes()) {
    json::object op;
    op["summary"] = route.summary;
    op["tags"] = json::array{json::value(route.group)};
    op["operationId"] = std::string(MethodName(route.method)) + " " + route.pattern;
    switch (route.access) {
      case Access::kPublic:
        op["x-permission"] = "public";
        op["security"] = json::array{};
        break;
      case Access::kAuthenticated:
        op["x-permission"] = "authenticated";
        break;
      case Access::kPermission:
        op["x-permission"] = route.permission;
        break;
    }
    if (!route.audit_tag.empty()) op["x-audit"] = route.audit_tag;
    json::array parameters;
    for (std::string_view seg : Split(route.pattern)) {
      if (seg.size() > 2 && seg.front() == '{') {
        parameters.push_back(json::object{{"name", seg.substr(1, seg.size() - 2)},
                                          {"in", "path"},
                                          {"required", true},
                                          {"schema", {{"type", "string"}}}});
      }
    }
    if (!parameters.empty()) op["parameters"] = std::move(parameters);
    if (IsWrite(route.method) && route.method != Method::kDelete) {
      op["requestBody"] = {{"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    }
    op["responses"] = {
        {"200", {{"description", "成功"}}},
        {"default",
         {{"description", "错误"},
          {"content",
           {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}};
    std::string method(MethodName(route.method));
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    boost::json::value& entry = paths[route.pattern];
    if (!entry.is_object()) entry.emplace_object();
    entry.as_object()[method] = std::move(op);
  }
  json::object doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "ssj 双随机一公开监管平台 API"}, {"version", version}};
  doc["paths"] = std::move(paths);
  doc["components"] = {
      {"securitySchemes",
       {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "ssj_session"}}},
        {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}}}},
      {"schemas",
       {{"Error",
         {{"type", "object"},
          {"required", {"code", "message"}},
          {"properties",
           {{"code", {{"type", "string"}}},
            {"message", {{"type", "string"}}},
            {"details", {{"type", "object"}}}}}}}}}};
  doc["security"] = json::array{json::object{{"session", json::array{}}}};
  return doc;
}

}  // namespace ssj::http
