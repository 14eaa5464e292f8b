// The middleware chain as plain composition, without sockets: authenticate → CSRF → permission
// → (transaction) → handler → audit entry → commit, and the one mapping from Error to an HTTP
// status and JSON body. Runs on a worker thread; it blocks on the database.
#pragma once

#include "http/api.h"

namespace ssj::http {

// Routes, authenticates and runs one request. Never throws: a bug becomes a 500 with a logged
// cause and a body without internals.
Response Dispatch(const Router& router, Services& services, Request& request);

// The two halves of Dispatch, for the server, which matches on the I/O thread and sends only
// database routes to the worker pool. `match.route` must be null for NoRoute.
Response NoRoute(const Match& match);
Response RunRoute(const Route& route, Services& services, Request& request);

// Error → {code, message, details} with its status.
Response ErrorResponse(const Error& error);
int StatusFor(ErrorKind kind);

// Common field readers for JSON bodies; errors name the field.
Result<std::string> StringField(const boost::json::value& body, std::string_view field,
                                bool required = true, size_t max_bytes = 4096);
Result<int64_t> IntField(const boost::json::value& body, std::string_view field,
                         bool required = true, int64_t fallback = 0);
Result<std::optional<int64_t>> OptionalIntField(const boost::json::value& body,
                                                std::string_view field);
Result<std::vector<int64_t>> IntArrayField(const boost::json::value& body, std::string_view field);
Result<std::vector<std::string>> StringArrayField(const boost::json::value& body,
                                                  std::string_view field);

// An optional positive integer query parameter (an id filter); 0 when absent.
Result<int64_t> ReadOptionalId(const Request& request, std::string_view name);

struct PageParams {
  int64_t page = 1;
  int64_t page_size = 20;
};
Result<PageParams> ReadPage(const Request& request);
// {"items": [...], "total": n, "page": p, "page_size": s}: every paginated list answers so.
// `total_capped: true` when `capped` (total is then a lower bound: "10000 条以上").
boost::json::value PageJson(boost::json::array items, int64_t total, const PageParams& params,
                            bool capped = false);
// A file to download: the body as is, with an ASCII file name for old clients and the UTF-8
// one (RFC 6266 filename*) for the others.
inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
Response Download(std::string bytes, const std::string& content_type, const std::string& ascii_name,
                  const std::string& utf8_name);

// "2026-11-01" or an ISO time; empty stays empty. `end_of_day` turns a date into the next day's
// start (for exclusive upper bounds).
Result<std::string> ReadTimeParam(const Request& request, std::string_view name, bool end_of_day);

}  // namespace ssj::http
