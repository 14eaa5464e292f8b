// The HTTP surface as plain C++ (no Beast): requests, responses, routes and the route table.
// Modules register their routes here; only http/server.cc knows about sockets.
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "common/services.h"
#include "ratelimit/ratelimit.h"

namespace soci {
class session;
}

namespace ssj::org {
struct Principal;
}

namespace ssj::http {

enum class Method { kGet, kPost, kPut, kPatch, kDelete };
std::string_view MethodName(Method method);
inline bool IsWrite(Method m) { return m != Method::kGet; }

// Filled by a handler of a state-changing route; the pipeline turns it into the audit entry.
struct AuditNote {
  std::string object_type;
  std::string object_id;
  boost::json::value before;
  boost::json::value after;
};

struct Request {
  Method method = Method::kGet;
  std::string path;
  std::map<std::string, std::string> path_params;
  std::vector<std::pair<std::string, std::string>> query;  // percent-decoded
  boost::json::value body;                                 // null when there is no body
  std::string ip;
  std::string user_agent;
  std::string session_token;  // from the cookie
  std::string csrf_header;
  std::string upload;  // the raw body, for routes with an upload_limit

  // Set by the pipeline before the handler runs.
  Services* services = nullptr;
  const org::Principal* principal = nullptr;
  soci::session* sql = nullptr;  // inside a transaction for state-changing routes
  AuditNote audit;
  std::string log_user;  // for the access log

  // The query parameter, or `fallback` when absent.
  std::string Query(std::string_view name, std::string fallback = {}) const;
  // A positive integer path parameter ("/users/{id}"), or a 404 error.
  Result<int64_t> PathId(std::string_view name = "id") const;
  // The services' clock: now as an ISO time ("2026-11-22T08:00:00.000Z"), and today's date in
  // China ("2026-11-22"), which deadlines and windows are counted in.
  std::string Now() const;
  std::string Today() const;
};

struct Response {
  int status = 200;
  boost::json::value body;  // serialised as JSON unless raw_body is set
  std::string raw_body;
  std::string content_type;  // defaults to application/json
  std::vector<std::pair<std::string, std::string>> headers;
};

Response JsonResponse(boost::json::value body, int status = 200);

using Handler = std::function<Result<Response>(Request&)>;

enum class Access {
  kPublic,         // no session needed
  kAuthenticated,  // any logged-in user
  kPermission,     // the route's permission string
};

enum class TxMode {
  kAuto,  // writes: the pipeline opens a transaction and appends the audit entry in it
  kSelf,  // the handler manages its transactions and audit (login, logout)
};

struct Route {
  Method method = Method::kGet;
  std::string pattern;  // "/api/v1/users/{id}"
  Access access = Access::kPermission;
  std::string permission;  // "system:user:add" when access is kPermission
  std::string audit_tag;   // action recorded for state-changing routes
  std::string summary;     // zh-CN, for openapi.json
  std::string group;       // openapi tag
  Handler handler;
  TxMode tx = TxMode::kAuto;
  bool needs_db = true;  // false: cheap, answered on the I/O thread (health)
  // > 0: the route takes a file as the raw request body (Request::upload), up to this many
  // bytes, instead of a JSON body within the server's usual limit.
  size_t upload_limit = 0;
  // Requests per client address (routes open to everyone); none by default.
  ratelimit::Limit rate_limit{};
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<Method> allowed;  // when the path matched but not the method
};

// The one route table. Adding a state-changing route without an audit tag, or a
// kPermission route without a permission, is a programming error and throws at startup.
class Router {
 public:
  void Add(Route route);
  // The same, spelled as one line per route in each module's RegisterRoutes.
  void Add(Method method, std::string pattern, Access access, std::string permission,
           std::string audit_tag, std::string summary, std::string group, Handler handler,
           TxMode tx = TxMode::kAuto) {
    Add(Route{method, std::move(pattern), access, std::move(permission), std::move(audit_tag),
              std::move(summary), std::move(group), std::move(handler), tx});
  }
  Match Find(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // each pattern, split once at Add
};

// The OpenAPI 3.0 document generated from the table.
boost::json::value OpenApi(const Router& router, const std::string& version);

}  // namespace ssj::http
